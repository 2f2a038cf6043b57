// The sources `npm run build` turns into dist/ and build/, hashed. `npm run build` ends by writing
// the hash to dist/.build-fingerprint (`--write`); test/support/ensure-build.ts compares it so the
// end-to-end tests never run a stale dist/.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
export const FINGERPRINT_FILE = path.join(root, 'dist', '.build-fingerprint');
const INPUTS = ['src', 'modules', 'schema', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json'];
const SKIP_DIRS = new Set(['node_modules', 'test', 'dist']);

function files(relative) {
  const full = path.join(root, relative);
  let entries;
  try {
    entries = readdirSync(full, { withFileTypes: true });
  } catch {
    return [relative];
  }
  return entries
    .filter((entry) => !(entry.isDirectory() && SKIP_DIRS.has(entry.name)))
    .filter((entry) => !entry.name.endsWith('.test.ts'))
    .flatMap((entry) => files(path.join(relative, entry.name)));
}

/** sha256 over every input file's path and bytes, in a fixed order. */
export function buildFingerprint() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

/** The fingerprint the last build wrote, or null. */
export function builtFingerprint() {
  try {
    return readFileSync(FINGERPRINT_FILE, 'utf8').trim();
  } catch {
    return null;
  }
}

if (process.argv.includes('--write')) writeFileSync(FINGERPRINT_FILE, `${buildFingerprint()}\n`);
