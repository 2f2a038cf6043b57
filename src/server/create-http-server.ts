import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A handler for one path prefix (e.g. `/admin`, `/dev-registry/`); returns false to pass. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
) => undefined | boolean | Promise<undefined | boolean> | void | Promise<void>;

export interface HttpServerOptions {
  /** The GraphQL handler (yoga is a node request listener). */
  graphql: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
  graphqlEndpoint: string;
  routes?: Array<{ prefix: string; handler: RouteHandler }>;
  /** `/ready` answers 200 only while this returns true (e.g. store open, modules loaded). */
  isReady: () => boolean;
  maxBodyBytes: number;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function bodyTooLarge(req: IncomingMessage, limit: number): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > limit;
}

/**
 * The platform's node:http server: `/health` (process up), `/ready` (able to serve), extra
 * routes, and GraphQL. Bodies over `maxBodyBytes` are refused before anything reads them; chunked
 * bodies are counted as they stream and cut off at the limit.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const routes = options.routes ?? [];
  return createServer(async (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (pathname === '/ready') {
      const ready = options.isReady();
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'starting' });
    }
    if (pathname === options.graphqlEndpoint || pathname.startsWith(`${options.graphqlEndpoint}/`)) {
      if (bodyTooLarge(req, options.maxBodyBytes)) {
        return sendJson(res, 413, {
          errors: [{ message: `Request body is larger than ${options.maxBodyBytes} bytes.`, extensions: { code: 'BAD_USER_INPUT' } }],
        });
      }
      limitStreamedBody(req, options.maxBodyBytes);
      return options.graphql(req, res);
    }
    for (const route of routes) {
      if (pathname === route.prefix || pathname.startsWith(route.prefix.endsWith('/') ? route.prefix : `${route.prefix}/`)) {
        if ((await route.handler(req, res)) !== false) return;
      }
    }
    if (pathname === '/') {
      res.writeHead(302, { location: options.graphqlEndpoint });
      return res.end();
    }
    sendJson(res, 404, { error: `Nothing at ${pathname}. GraphQL is at ${options.graphqlEndpoint}.` });
  });
}

/** For bodies without content-length: destroy the request once it streams past the limit. */
function limitStreamedBody(req: IncomingMessage, limit: number): void {
  if (req.headers['content-length'] !== undefined) return;
  let received = 0;
  const original = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk) received += (chunk as Buffer).length;
    if (received > limit) {
      req.destroy(new Error(`Request body is larger than ${limit} bytes.`));
      return false;
    }
    return original(chunk, encoding);
  };
}
