import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentStore } from '../../store/types.js';
import {
  assertUpgradeAccepted,
  type ChangePlanner,
  collectionsDigest,
  type UpdateStateRepository,
  type UpgradeAcceptance,
} from '../changes/index.js';
import { readModuleDir } from '../discovery/read-module-dir.js';
import { prepareModule } from '../loader/index.js';
import type { CatalogVersion } from '../registry/index.js';
import { removeVersionDir } from './place-package.js';
import { SNAPSHOT_FILE } from './snapshot-collections.js';

export interface UpgradeSafetyOptions {
  planner: () => ChangePlanner | null;
  updates: UpdateStateRepository;
  store: DocumentStore;
  retentionDays: number;
  /** `$DATA_DIR/rollback`: per module, the data snapshot taken before its last upgrade. */
  rollbackRoot: string;
  installedDir: string;
}

/** What the upgrade pipeline asks before and after an upgrade, for plans and rollback. */
export interface UpgradeSafety {
  /**
   * After DOWNLOAD…RESOLVE, before anything is placed: plans the upgrade with the staged files
   * and refuses it (BREAKING_CHANGE, PERMISSIONS_NOT_ACCEPTED) unless accepted.
   */
  guard(name: string, stagedDir: string, release: CatalogVersion, acceptance: UpgradeAcceptance): Promise<void>;
  /**
   * After a successful upgrade: keeps the previous version's files (removing the one kept
   * before) and the data snapshot taken before the migrations, and remembers a digest of the
   * data as the upgrade left it, so rollback can tell whether anything was written since.
   */
  keep(
    name: string,
    from: { version: string; source: string },
    toVersion: string,
    stagingDir: string,
    collections: string[],
  ): Promise<void>;
  rollbackDir(name: string): string;
  /** Uninstall: forgets the policy, the kept version and the snapshot. */
  forget(name: string): Promise<void>;
}

export function createUpgradeSafety(options: UpgradeSafetyOptions): UpgradeSafety {
  const rollbackDir = (name: string) => path.join(options.rollbackRoot, name);
  return {
    rollbackDir,
    async forget(name) {
      await options.updates.forget(name);
      await rm(rollbackDir(name), { recursive: true, force: true });
    },
    async guard(name, stagedDir, release, acceptance) {
      const planner = options.planner();
      if (!planner) return;
      const found = await readModuleDir({ dir: stagedDir, name, source: 'REGISTRY', version: release.version });
      const candidate = { ...(await prepareModule(found)), licenseRequired: release.licenseRequired };
      const plan = await planner.plan(name, 'UPGRADE', release.version, candidate);
      assertUpgradeAccepted(plan, acceptance, options.retentionDays);
    },
    async keep(name, from, toVersion, stagingDir, collections) {
      const state = await options.updates.get(name);
      const older = state.previousVersion;
      if (older && older !== from.version && older !== toVersion) await removeVersionDir(options.installedDir, name, older);
      const dir = rollbackDir(name);
      await rm(dir, { recursive: true, force: true });
      // Only registry versions have files to go back to; a bundled one stays where it is built.
      const snapshot = path.join(stagingDir, SNAPSHOT_FILE);
      const kept =
        from.source === 'REGISTRY' &&
        (await stat(snapshot).then(
          () => true,
          () => false,
        ));
      if (kept) {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await copyFile(snapshot, path.join(dir, SNAPSHOT_FILE));
      }
      await options.updates.save(name, {
        previousVersion: kept ? from.version : null,
        upgradedDigest: kept ? await collectionsDigest(options.store, collections) : null,
      });
    },
  };
}
