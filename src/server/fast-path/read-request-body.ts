import type { IncomingMessage } from 'node:http';

/**
 * The whole body of a request whose Content-Length the HTTP edge already held to the limit
 * (node:http reads exactly that many bytes). Rejects when the client goes away mid-body.
 */
export function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('The client closed the connection before sending the whole body.'));
    });
  });
}
