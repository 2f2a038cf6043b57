import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendNodeResponse } from '@whatwg-node/server';

// whatwg-node's Response keeps a string body as given (`sendNodeResponse` reads the same fields),
// with its UTF-8 length, measured when the Response was made.
type StringBodied = { bodyType?: string; bodyInit?: unknown; contentLength?: unknown };

function stringBodyOf(response: Response): { text: string; bytes: number } | undefined {
  const { bodyType, bodyInit, contentLength } = response as unknown as StringBodied;
  if (bodyType !== 'String' || typeof bodyInit !== 'string') return undefined;
  // Measuring a 65 KB answer again cost ~7 µs.
  return { text: bodyInit, bytes: typeof contentLength === 'number' ? contentLength : Buffer.byteLength(bodyInit) };
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
  headers['content-length'] = String(body.bytes);
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(body.text);
}
