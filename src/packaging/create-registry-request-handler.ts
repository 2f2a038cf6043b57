import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** The only files a registry serves, with their types and caching (tarballs are immutable). */
const FILE_TYPES: { suffix: string; type: string; cache: string }[] = [
  { suffix: '.tar.gz', type: 'application/gzip', cache: 'public, max-age=31536000, immutable' },
  { suffix: '.json.sig', type: 'application/jose', cache: 'no-cache' },
  { suffix: '.json', type: 'application/json', cache: 'no-cache' },
  { suffix: '.txt', type: 'text/plain; charset=utf-8', cache: 'no-cache' },
];

function send(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** The URL path as registry-relative segments, or null if it is not a plain, safe file path. */
function safeSegments(url: string | undefined): string[] | null {
  const pathname = (url ?? '/').split('?')[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  // Dot segments and hidden files (temporary files, .git) are never served.
  if (segments.length === 0 || segments.some((segment) => segment.startsWith('.'))) return null;
  return segments;
}

/**
 * A node:http handler serving a registry directory as static files: GET and HEAD only, the
 * registry's file types with correct content types, 404 for anything else (no directory listing,
 * nothing outside `dir`, symlinks leading out refused). Suitable behind a CDN.
 *
 * @example http.createServer(createRegistryRequestHandler('build/registry')).listen(8080, '127.0.0.1');
 */
export function createRegistryRequestHandler(dir: string): (request: IncomingMessage, response: ServerResponse) => void {
  const root = path.resolve(dir);
  return (request, response) => {
    void serve(root, request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'Internal error\n');
      else response.destroy();
    });
  };
}

async function serve(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'Method not allowed\n', { allow: 'GET, HEAD' });
    return;
  }
  const segments = safeSegments(request.url);
  const kind = segments && FILE_TYPES.find((candidate) => segments.at(-1)!.endsWith(candidate.suffix));
  if (!segments || !kind) {
    send(response, 404, 'Not found\n');
    return;
  }
  const realRoot = await realpath(root).catch(() => null);
  const real = await realpath(path.join(root, ...segments)).catch(() => null);
  const info = real ? await stat(real).catch(() => null) : null;
  if (!realRoot || !real || !info?.isFile() || !real.startsWith(realRoot + path.sep)) {
    send(response, 404, 'Not found\n');
    return;
  }
  response.writeHead(200, {
    'content-type': kind.type,
    'content-length': info.size,
    'cache-control': kind.cache,
    'last-modified': info.mtime.toUTCString(),
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(real);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
