import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendNodeResponse } from '@whatwg-node/server';

// whatwg-node's Response keeps a string body as given (`sendNodeResponse` reads the same fields).
type StringBodied = { bodyType?: string; bodyInit?: unknown };

function stringBodyOf(response: Response): string | undefined {
  const { bodyType, bodyInit } = response as unknown as StringBodied;
  return bodyType === 'String' && typeof bodyInit === 'string' ? bodyInit : undefined;
}

/**
 * Writes a fetch `Response` to node's response. A string body — what yoga's result processors
 * make of every GraphQL result — goes out with its head in one `end`: `sendNodeResponse` writes it
 * with `write` and, for bodies over the socket's 16 KB high-water mark, waits for `drain` before
 * `end`, which cost a list query about a third of its throughput. Any other body (empty, a
 * stream) is sendNodeResponse's.
 */
export function writeResponse(response: Response, res: ServerResponse, req: IncomingMessage): void | Promise<void> {
  const body = stringBodyOf(response);
  if (body === undefined) return sendNodeResponse(response, res, req, true);
  if (res.destroyed || res.writableEnded) return;
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(body);
}
