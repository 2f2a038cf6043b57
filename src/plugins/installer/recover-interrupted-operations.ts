import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../logging/index.js';
import type { DocumentStore } from '../../store/types.js';
import type { OperationJournal, OperationRecord } from '../operations/operation-journal.js';
import { createInstalledModulesRepository } from '../state/index.js';
import { removeVersionDir, versionDir } from './place-package.js';
import { restoreSnapshotFile } from './snapshot-collections.js';

export interface RecoveryDeps {
  store: DocumentStore;
  journal: OperationJournal;
  logger: Logger;
  installedDir: string;
  stagingRoot: string;
  /**
   * True on the embedded store: only this process can use it, so every RUNNING operation was its
   * own, whatever its lease says. With MongoDB, operations whose lease is still renewed are left alone.
   */
  ownsAllOperations: boolean;
}

/** Decides how an interrupted operation ends, from what its record says reached the store. */
async function settle(deps: RecoveryDeps, operation: OperationRecord): Promise<{ succeeded: boolean; note: string }> {
  const record = await createInstalledModulesRepository(deps.store).get(operation.module);
  const activated = operation.toVersion !== null && record?.version === operation.toVersion;
  if (operation.kind === 'ENABLE' || operation.kind === 'DISABLE' || operation.kind === 'LICENSE') {
    // Nothing on disk to undo: the module's record says what it is; the start loads it that way.
    return { succeeded: false, note: 'the module keeps the state its record says' };
  }
  if (operation.kind === 'UNINSTALL') {
    if (record) return { succeeded: false, note: 'interrupted before the record was removed; the module is still installed' };
    await rm(path.join(deps.installedDir, operation.module), { recursive: true, force: true });
    return { succeeded: true, note: 'finished removing the files' };
  }
  if ((operation.kind === 'INSTALL' || operation.kind === 'UPGRADE') && activated) {
    if (operation.kind === 'UPGRADE' && operation.fromVersion && operation.fromVersion !== operation.toVersion) {
      await rm(versionDir(deps.installedDir, operation.module, operation.fromVersion), { recursive: true, force: true });
    }
    return { succeeded: true, note: `${operation.toVersion} had gone live before the interruption` };
  }
  // Not activated: undo. Data first (a migration may have run), then the placed files.
  if (operation.stagingDir && (await restoreSnapshotFile(deps.store, operation.stagingDir))) {
    deps.logger.warn({ module: operation.module }, 'restored module data from the pre-upgrade snapshot');
  }
  if (operation.toVersion && record?.version !== operation.toVersion) {
    await removeVersionDir(deps.installedDir, operation.module, operation.toVersion);
  }
  return { succeeded: false, note: 'rolled back: the platform is as it was before the operation' };
}

/**
 * Run at start, before modules load: every operation a crash (kill -9, power loss) left RUNNING
 * is finished or rolled back so that records, files and data agree, its staging dir is removed,
 * and its lock released. Leftover staging dirs without a journal entry are removed too.
 */
export async function recoverInterruptedOperations(deps: RecoveryDeps): Promise<OperationRecord[]> {
  const interrupted = await deps.journal.unfinished();
  const recovered: OperationRecord[] = [];
  const locks = deps.store.collection('module_locks');
  for (const operation of interrupted) {
    // Another instance sharing the store may be running it right now: its lease is still renewed.
    const held = await locks.findOne({ _id: operation.module, operationId: operation._id, expiresAt: { $gt: new Date() } });
    if (held && !deps.ownsAllOperations) continue;
    recovered.push(operation);
    const { succeeded, note } = await settle(deps, operation);
    await deps.journal.finish(operation._id, succeeded ? 'SUCCEEDED' : 'FAILED', `Interrupted by a restart; ${note}.`);
    await locks.deleteOne({ _id: operation.module, operationId: operation._id });
    deps.logger.warn(
      { module: operation.module, kind: operation.kind, operationId: operation._id, succeeded },
      `recovered an interrupted ${operation.kind.toLowerCase()}: ${note}`,
    );
  }
  await rm(deps.stagingRoot, { recursive: true, force: true });
  return recovered;
}
