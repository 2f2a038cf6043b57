import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { platformError } from '../errors/index.js';

/**
 * Where a module's source entry is, in this order (docs/registry.md "Source layout"):
 * 1. `src/index.ts`, 2. `src/index.js` (or `.mts`/`.mjs`), 3. the file the manifest's `entry`
 * names when it exists (a module written directly in plain JavaScript), 4. that path with `.ts`.
 * The manifest's `entry` always names the *built* file inside the package.
 */
export function resolveSourceEntry(dir: string, entry: string): string {
  const candidates = ['src/index.ts', 'src/index.mts', 'src/index.js', 'src/index.mjs', entry, entry.replace(/\.m?js$/, '.ts')];
  for (const candidate of candidates) {
    const file = path.join(dir, candidate);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  throw platformError(
    'PACKAGE_INVALID',
    `No source entry found in ${dir}: expected one of ${[...new Set(candidates)].join(', ')}. Put the module's code in src/index.ts (or src/index.js).`,
  );
}
