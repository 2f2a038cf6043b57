import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A handler for one path prefix (e.g. `/admin`, `/dev-registry/`); returns false to pass. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
) => undefined | boolean | Promise<undefined | boolean> | void | Promise<void>;

/** node:http's own limits (see docs/operators/http-limits.md); every field has a default. */
export interface HttpLimits {
  /** Largest GraphQL request body, declared by Content-Length (default 64 KB). */
  maxBodyBytes: number;
  /** Largest request head (Node's `maxHeaderSize`; default 16 KB). */
  maxHeaderBytes?: number;
  /** Time to receive a whole request (Node's `requestTimeout`; default 30 s). */
  requestTimeoutMs?: number;
  /** Time to receive the request head (Node's `headersTimeout`; default 10 s). */
  headersTimeoutMs?: number;
  /** Open sockets beyond this are refused (Node's `maxConnections`; default 800). */
  maxConnections?: number;
  /** When set, only these Host headers (`name` or `name:port`, lower-case) are served. */
  allowedHosts?: readonly string[];
}

export interface HttpServerOptions {
  /** The GraphQL handler (yoga is a node request listener); also answers `/health` and `/ready`. */
  graphql: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
  graphqlEndpoint: string;
  routes?: Array<{ prefix: string; handler: RouteHandler }>;
  limits: HttpLimits;
}

// Answered by yoga's own plugins (health check, readiness check), before any GraphQL work.
const YOGA_PATHS = new Set(['/health', '/ready']);
// Node checks request/headers timeouts on this interval; its 30 s default would let a slow
// client hold a socket up to 30 s past the timeout.
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function hostAllowed(req: IncomingMessage, allowed: readonly string[] | undefined): boolean {
  if (!allowed) return true;
  const host = (req.headers.host ?? '').toLowerCase();
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return allowed.includes(host) || allowed.includes(name);
}

/**
 * Refuses a GraphQL body before anything reads it: over the limit by its Content-Length → 413;
 * a streamed body without one (chunked) → 411, since its size is unknown until it has been read.
 * Node's parser reads exactly Content-Length bytes, so nothing larger can get through.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, limit: number): boolean {
  const declared = req.headers['content-length'];
  if (declared === undefined) {
    if (req.headers['transfer-encoding'] === undefined) return false;
    sendError(res, 411, 'Send GraphQL requests with a Content-Length header (chunked bodies are not accepted).', {
      connection: 'close',
    });
    return true;
  }
  if (Number(declared) <= limit) return false;
  sendError(res, 413, `Request body is larger than ${limit} bytes.`, { connection: 'close' });
  return true;
}

function matchesPrefix(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/**
 * The platform's node:http server: a Host allow-list (when configured), GraphQL with its body
 * limit, `/health` and `/ready` (by yoga), extra routes. Slow or oversized clients are cut off by
 * node:http's own settings, not by code of ours.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const routes = options.routes ?? [];
  const { limits } = options;
  const requestTimeout = limits.requestTimeoutMs ?? 30_000;
  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes ?? 16 * 1024,
      requestTimeout,
      // Node refuses a headersTimeout above requestTimeout.
      headersTimeout: Math.min(limits.headersTimeoutMs ?? 10_000, requestTimeout),
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    async (req, res) => {
      const pathname = (req.url ?? '/').split('?')[0]!;
      if (!YOGA_PATHS.has(pathname) && !hostAllowed(req, limits.allowedHosts)) {
        return sendError(res, 421, `This server does not serve the host "${req.headers.host ?? ''}"; see ALLOWED_HOSTS.`);
      }
      if (YOGA_PATHS.has(pathname)) return options.graphql(req, res);
      if (matchesPrefix(pathname, options.graphqlEndpoint)) {
        if (refuseBody(req, res, limits.maxBodyBytes)) return;
        return options.graphql(req, res);
      }
      for (const route of routes) {
        if (matchesPrefix(pathname, route.prefix) && (await route.handler(req, res)) !== false) return;
      }
      if (pathname === '/') {
        res.writeHead(302, { location: options.graphqlEndpoint });
        return res.end();
      }
      const text = JSON.stringify({ error: `Nothing at ${pathname}. GraphQL is at ${options.graphqlEndpoint}.` });
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end(text);
    },
  );
  server.maxConnections = limits.maxConnections ?? 800;
  return server;
}
