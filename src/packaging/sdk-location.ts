import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Two levels above both src/packaging and dist/packaging is the platform package root.
const PLATFORM_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The file `a64-platform/sdk` resolves to when a module is bundled: the SDK source when packing
 * inside the platform repository, otherwise the installed package's built `dist/sdk/index.js`.
 * The SDK is plain functions and types with no state, so each module gets its own small copy.
 */
export function sdkLocation(): string {
  const source = path.join(PLATFORM_ROOT, 'src', 'sdk', 'index.ts');
  return existsSync(source) ? source : path.join(PLATFORM_ROOT, 'dist', 'sdk', 'index.js');
}
