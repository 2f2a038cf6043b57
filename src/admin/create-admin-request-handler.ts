import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '../server/create-http-server.js';
import { ADMIN_SECURITY_HEADERS } from './admin-security-headers.js';
import { type AdminAsset, loadAdminAssets, resolveAdminStaticDir } from './load-admin-assets.js';

export interface AdminRequestHandlerOptions {
  /** Where the page is mounted; default `/admin`. Asset URLs in the page assume `/admin`. */
  prefix?: string;
  /** Directory of the page's static files; default: found next to this module (see `resolveAdminStaticDir`). */
  staticDir?: string;
}

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...ADMIN_SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

function sendAsset(req: IncomingMessage, res: ServerResponse, asset: AdminAsset): void {
  const headers = { ...ADMIN_SECURITY_HEADERS, 'content-type': asset.contentType, etag: asset.etag };
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': asset.body.length });
  res.end(req.method === 'HEAD' ? undefined : asset.body);
}

/**
 * Serves the admin web page (`/admin`, `/admin/`) and its static files (`/admin/js/main.js`, …)
 * with strict security headers. The page itself talks only to `/graphql`.
 *
 * @example createHttpServer({ …, routes: [{ prefix: '/admin', handler: createAdminRequestHandler() }] })
 */
export function createAdminRequestHandler(options: AdminRequestHandlerOptions = {}): RouteHandler {
  const prefix = (options.prefix ?? '/admin').replace(/\/+$/, '');
  const staticDir = options.staticDir ?? resolveAdminStaticDir();
  const assets = staticDir ? loadAdminAssets(staticDir) : new Map<string, AdminAsset>();

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'The admin page accepts only GET and HEAD.', { allow: 'GET, HEAD' });
    }
    const index = assets.get('index.html');
    if (!index) {
      // A packaging mistake, not a user error: say where the files were expected.
      return sendText(res, 503, 'The admin page files are missing from this build (expected src/admin/static or dist/admin/static).');
    }
    const pathname = (req.url ?? '/').split('?')[0]!;
    const rest = pathname.slice(prefix.length).replace(/^\/+/, '');
    if (rest === '' || rest === 'index.html') return sendAsset(req, res, index);
    const asset = assets.get(rest);
    if (!asset) return sendText(res, 404, `Nothing at ${pathname}. The admin page is at ${prefix}.`);
    sendAsset(req, res, asset);
  };
}
