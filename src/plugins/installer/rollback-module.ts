import { rm, stat } from 'node:fs/promises';
import { platformError } from '../../errors/index.js';
import { collectionsDigest, type UpdateStateRepository } from '../changes/index.js';
import { runModuleOperation } from '../operations/run-module-operation.js';
import type { ModuleInfo } from '../runtime/index.js';
import { MODULE_MIGRATIONS_COLLECTION } from '../state/index.js';
import type { InstallerDeps } from './installer-deps.js';
import { removeVersionDir, versionDir } from './place-package.js';
import { restoreSnapshotFile, snapshotCollections } from './snapshot-collections.js';
import type { UpgradeSafety } from './upgrade-safety.js';

export interface RollbackDeps extends InstallerDeps {
  safety: UpgradeSafety;
  updates: UpdateStateRepository;
}

function refuse(message: string, name: string): never {
  throw platformError('BAD_USER_INPUT', message, { details: { module: name, field: 'discardNewData' } });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * `rollbackModule`: back to the version before the last upgrade, whose files are kept until the
 * next upgrade, with the module's data as it was before that upgrade's migrations. Refused when
 * the data changed since the upgrade (those writes would be lost) unless `discardNewData`. A
 * failure leaves the current version live and its data as it was.
 */
export async function rollbackModule(deps: RollbackDeps, name: string, discardNewData: boolean, actor: string): Promise<ModuleInfo> {
  const fromVersion = deps.runtime.get(name)?.version ?? null;
  return runModuleOperation(deps, { module: name, kind: 'UPGRADE', actor, fromVersion }, async (operation) => {
    const info = deps.runtime.get(name);
    if (!info?.installed || !info.version) throw platformError('NOT_INSTALLED', `${name} is not installed.`, { details: { module: name } });
    const state = await deps.updates.get(name);
    const previous = state.previousVersion;
    const snapshotDir = deps.safety.rollbackDir(name);
    if (!previous || !(await exists(versionDir(deps.installedDir, name, previous))) || !(await exists(snapshotDir))) {
      refuse(`${name} has no earlier version kept to roll back to: rollback is possible after an upgrade, until the next upgrade.`, name);
    }
    const changed = (await collectionsDigest(deps.store, info.collections)) !== state.upgradedDigest;
    if (changed && !discardNewData) {
      refuse(
        `The data of ${name} (${info.collections.join(', ')}) changed since the upgrade to ${info.version}; rolling back to ${previous} restores the data as it was before that upgrade and would lose those writes. Pass discardNewData: true to roll back anyway.`,
        name,
      );
    }
    await operation.step('ACTIVATE', `Rolling ${name} back ${info.version} → ${previous}`, { toVersion: previous });
    const current = await snapshotCollections(
      deps.store,
      [...info.collections.map((collection) => ({ collection })), { collection: MODULE_MIGRATIONS_COLLECTION, filter: { module: name } }],
      operation.stagingDir,
    );
    try {
      await restoreSnapshotFile(deps.store, snapshotDir);
      await deps.runtime.activateInstalled(name, previous, { actor });
    } catch (error) {
      await current.restore();
      throw error;
    }
    await operation.step('CLEANUP', `Removing ${name}@${info.version}`);
    await removeVersionDir(deps.installedDir, name, info.version);
    await rm(snapshotDir, { recursive: true, force: true });
    await deps.updates.save(name, { previousVersion: null, upgradedDigest: null });
    await deps.runtime.refresh();
    return {
      result: deps.runtime.get(name) ?? info,
      details: { rollback: true, fromVersion: info.version, toVersion: previous, discardedNewData: changed },
    };
  });
}
