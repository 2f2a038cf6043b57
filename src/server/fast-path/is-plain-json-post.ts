import type { IncomingMessage } from 'node:http';

// Media types yoga answers as a stream: those requests keep yoga's own node adapter.
const STREAMING = /text\/event-stream|multipart\/mixed/i;

function mediaType(header: string | undefined): string {
  if (!header) return '';
  const semicolon = header.indexOf(';');
  return (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
}

/**
 * A `POST <endpoint>` with a JSON body of known length and a non-streaming answer: the request
 * shape every GraphQL client sends, and the only one the plain-JSON path serves. Anything else
 * (GET, GraphiQL, forms, multipart uploads, SSE, chunked bodies, query strings) goes to yoga.
 */
export function isPlainJsonPost(req: IncomingMessage, endpoint: string): boolean {
  if (req.method !== 'POST' || req.url !== endpoint) return false;
  const { headers } = req;
  // An empty body is yoga's to refuse (it reads "no body" differently from a bad one).
  if (!headers['content-length'] || headers['content-length'] === '0' || headers['transfer-encoding'] !== undefined) return false;
  if (mediaType(headers['content-type']) !== 'application/json') return false;
  return !STREAMING.test(headers.accept ?? '');
}
