import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { PlannedModule } from '../changes/create-change-planner.js';
import { readModuleDir } from '../discovery/read-module-dir.js';
import { prepareModule } from '../loader/index.js';
import type { InstallerDeps } from './installer-deps.js';
import { requireRegistry } from './require-registry.js';
import { selectRelease } from './select-release.js';
import { stagingLimits } from './stage-and-activate.js';
import { stagePackage } from './stage-package.js';

const quiet = { step: async () => {}, bytes: () => {} };

/**
 * A registry release made ready for a change plan: downloaded, verified against the signed
 * catalog, extracted and imported (nothing run) in a private staging directory removed at the end.
 */
export async function prepareRelease(
  deps: InstallerDeps,
  name: string,
  version: string | null,
): Promise<PlannedModule & { licenseRequired: boolean }> {
  const registry = requireRegistry(deps);
  const { release } = selectRelease(await registry.getCatalog({ fresh: true }), name, version);
  const stagingDir = path.join(deps.stagingRoot, `plan-${randomUUID()}`);
  await mkdir(stagingDir, { recursive: true, mode: 0o700 });
  try {
    const staged = await stagePackage(registry, name, release, stagingDir, stagingLimits(deps), quiet);
    const found = await readModuleDir({ dir: staged.dir, name, source: 'REGISTRY', version: release.version });
    const prepared = await prepareModule(found);
    return { ...prepared, licenseRequired: release.licenseRequired };
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
}
