import { execFileSync } from 'node:child_process';
// @ts-expect-error a plain .mjs build script without type declarations
import { buildFingerprint, builtFingerprint } from '../../scripts/build-fingerprint.mjs';

/**
 * vitest globalSetup of the e2e project: spawned servers and the CLI run dist/, so dist/ must be
 * built from the sources under test. Rebuilds (`npm run build`) when the sources changed since
 * the last build; costs a hash of the sources otherwise.
 */
export default function ensureBuild(): void {
  if (builtFingerprint() === buildFingerprint()) return;
  console.info('dist/ is older than the sources: running npm run build before the e2e tests');
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}
