import type { OperationContext } from '../operations/run-module-operation.js';
import type { CatalogVersion } from '../registry/index.js';
import type { ActivateInstalledOptions, ModuleInfo } from '../runtime/index.js';
import { MODULE_MIGRATIONS_COLLECTION } from '../state/index.js';
import { assertCollectionsUnclaimed } from './assert-collections-unclaimed.js';
import { assertReleaseCompatible } from './assert-release-compatible.js';
import { type CheckedLicense, checkLicense } from './check-license.js';
import type { InstallerDeps } from './installer-deps.js';
import { placePackage, removeVersionDir, versionDir } from './place-package.js';
import { requireRegistry } from './require-registry.js';
import { snapshotCollections } from './snapshot-collections.js';
import { type StagedPackage, stagePackage } from './stage-package.js';

/**
 * A check on the staged, placed package before anything goes live (e.g. an upgrade guard). It
 * may journal its own step with `operation.step`; throwing stops the operation and the undo runs.
 */
export type PreActivationCheck = (staged: StagedPackage, operation: OperationContext) => Promise<void>;

/** What differs between an install and an upgrade (or any later operation of this shape), as data. */
export interface ActivationPlan {
  name: string;
  release: CatalogVersion;
  /** The key to verify when the release requires a license (the request's, else the stored one). */
  licenseKey: string | null | undefined;
  /** Collections a failed activation must restore besides the new manifest's (an upgrade: the current version's). */
  currentCollections: readonly string[];
  /** The ACTIVATE step's message. */
  activateMessage: string;
  /** What the runtime records on activation (actor; the license when one was checked). */
  activateOptions(license: CheckedLicense | null): ActivateInstalledOptions;
  /** Refusals before anything is placed or data touched (an upgrade's safe-changes guard). */
  beforePlacing?(staged: StagedPackage): Promise<void>;
  /** Run in order after the package is placed and the data snapshotted, before ACTIVATE. */
  preActivationChecks?: readonly PreActivationCheck[];
  /** After the new version is live, still undone on failure (an upgrade keeps or removes the old files). */
  afterActivate?(operation: OperationContext, snapshotted: { collections: readonly string[] }): Promise<void>;
  /** Keep `<name>/<version>` on undo: it was there before (re-installing the live version). */
  keepVersionDirOnUndo?: boolean;
}

/**
 * The install/upgrade pipeline inside the operation frame: LICENSE → compatibility → DOWNLOAD →
 * VERIFY → EXTRACT → RESOLVE (stagePackage) → collections unclaimed → beforePlacing → LOAD
 * (place, snapshot the module's data) →
 * pre-activation checks → ACTIVATE → afterActivate. Any failure from LOAD on restores the data,
 * removes the placed version and re-reads the module directories, so the platform is as before.
 */
export async function stageAndActivate(
  deps: InstallerDeps,
  operation: OperationContext,
  plan: ActivationPlan,
): Promise<{ info: ModuleInfo; license: CheckedLicense | null }> {
  const { name, release } = plan;
  const registry = requireRegistry(deps);
  await operation.step('LICENSE', release.licenseRequired ? 'Checking the license' : 'No license needed', { toVersion: release.version });
  const license = release.licenseRequired ? await checkLicense(deps, name, plan.licenseKey) : null;
  assertReleaseCompatible(deps.runtime, name, release, deps.platformVersion);
  const staged = await stagePackage(registry, name, release, operation.stagingDir, stagingLimits(deps), operation);
  assertCollectionsUnclaimed(deps.runtime, staged.manifest);
  await plan.beforePlacing?.(staged);
  const targetDir = versionDir(deps.installedDir, name, release.version);
  await operation.step('LOAD', `Loading ${name}@${release.version}`, { targetDir });
  await placePackage(staged.dir, targetDir);
  // Migrations and onEnable write to the module's collections (which may hold data kept by an
  // earlier uninstall): a failed activation must leave them, and the migration history, as they were.
  const collections = [...new Set([...plan.currentCollections, ...staged.manifest.database_collections])];
  const snapshot = await snapshotCollections(
    deps.store,
    [...collections.map((collection) => ({ collection })), { collection: MODULE_MIGRATIONS_COLLECTION, filter: { module: name } }],
    operation.stagingDir,
  );
  try {
    for (const check of plan.preActivationChecks ?? []) await check({ ...staged, dir: targetDir }, operation);
    await operation.step('ACTIVATE', plan.activateMessage);
    const info = await deps.runtime.activateInstalled(name, release.version, plan.activateOptions(license));
    await plan.afterActivate?.(operation, { collections });
    return { info, license };
  } catch (error) {
    await snapshot.restore();
    if (!plan.keepVersionDirOnUndo) await removeVersionDir(deps.installedDir, name, release.version);
    await deps.runtime.refresh();
    throw error;
  }
}

export function stagingLimits(deps: InstallerDeps) {
  const { limits } = deps.config;
  return {
    maxPackageBytes: limits.maxPackageBytes,
    maxExtractedBytes: limits.maxExtractedBytes,
    maxPackageEntries: limits.maxPackageEntries,
    downloadTimeoutMs: 10 * 60_000,
  };
}
