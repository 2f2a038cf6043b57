import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildModule, writeModuleDir } from '../../packaging/index.js';

/**
 * Builds module source directories (manifest.json + src/index.ts, as `a64 module pack` does) into
 * a fresh temporary bundled dir, `<dir>/<module_name>/`, and returns that dir.
 */
export async function buildBundledModules(moduleDirs: readonly string[]): Promise<string> {
  const bundledDir = await mkdtemp(path.join(tmpdir(), 'a64-testkit-modules-'));
  await Promise.all(
    moduleDirs.map(async (dir) => {
      const built = await buildModule(path.resolve(dir));
      await writeModuleDir(built, path.join(bundledDir, built.manifest.module_name));
    }),
  );
  return bundledDir;
}
