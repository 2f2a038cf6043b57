import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModule, writeModuleDir } from '../../src/packaging/index.js';

const MODULES_DIR = fileURLToPath(new URL('../../modules/', import.meta.url));

/** The three first-party modules, enabled together by the list and service-call sections. */
export const FIRST_PARTY = ['farm_manager', 'animal_manager', 'inventory'] as const;

/**
 * A temporary bundled-modules directory holding the first-party modules built from `modules/`
 * (the build only bundles Farm Manager) plus any extra module source directories. The caller
 * removes it.
 */
export async function firstPartyBundledDir(extraSourceDirs: string[] = []): Promise<string> {
  const bundledDir = await mkdtemp(path.join(tmpdir(), 'a64-bench-bundled-'));
  for (const name of FIRST_PARTY) {
    await writeModuleDir(await buildModule(path.join(MODULES_DIR, name)), path.join(bundledDir, name));
  }
  for (const dir of extraSourceDirs) {
    const built = await buildModule(dir);
    await writeModuleDir(built, path.join(bundledDir, built.manifest.module_name));
  }
  return bundledDir;
}
