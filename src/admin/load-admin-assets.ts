import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One static file of the admin page, held in memory (the whole page is a few dozen KB). */
export interface AdminAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Where the page's files live: next to this file (`src/admin/static`, or `dist/admin/static` when
 * the build copies them), else the sources of the package (`dist/admin/` → `src/admin/static`).
 */
export function resolveAdminStaticDir(): string | null {
  const candidates = [new URL('./static/', import.meta.url), new URL('../../src/admin/static/', import.meta.url)];
  for (const candidate of candidates) {
    const dir = fileURLToPath(candidate);
    if (existsSync(path.join(dir, 'index.html'))) return dir;
  }
  return null;
}

/**
 * Reads every servable file under `dir` into a map keyed by its URL path below the mount point
 * (`index.html`, `js/main.js`). Only these keys are ever served, so no request path reaches the
 * file system and `..` tricks have nothing to resolve against.
 */
export function loadAdminAssets(dir: string): Map<string, AdminAsset> {
  const assets = new Map<string, AdminAsset>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const contentType = CONTENT_TYPES[path.extname(entry.name)];
    if (!contentType) continue;
    const file = path.join(entry.parentPath, entry.name);
    const body = readFileSync(file);
    const key = path.relative(dir, file).split(path.sep).join('/');
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    assets.set(key, { body, contentType, etag });
  }
  return assets;
}
