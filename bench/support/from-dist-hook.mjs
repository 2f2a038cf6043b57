import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const src = pathToFileURL(`${root}src/`).href;
const dist = pathToFileURL(`${root}dist/`).href;

/** Resolves as before (tsx maps `.js` to `.ts`), then swaps `src/….ts` for its `dist/….js`. */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (!resolved.url.startsWith(src) || !resolved.url.endsWith('.ts')) return resolved;
  const built = `${dist}${resolved.url.slice(src.length, -'.ts'.length)}.js`;
  if (!existsSync(fileURLToPath(built))) throw new Error(`${built} is missing: run npm run build first`);
  return { ...resolved, url: built, format: 'module' };
}
