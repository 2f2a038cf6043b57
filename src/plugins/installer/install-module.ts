import { platformError } from '../../errors/index.js';
import { runModuleOperation } from '../operations/run-module-operation.js';
import type { ModuleInfo } from '../runtime/index.js';
import { MODULE_MIGRATIONS_COLLECTION } from '../state/index.js';
import { assertReleaseCompatible } from './assert-release-compatible.js';
import { checkLicense } from './check-license.js';
import type { InstallerDeps } from './installer-deps.js';
import { placePackage, removeVersionDir, versionDir } from './place-package.js';
import { requireRegistry } from './require-registry.js';
import { selectRelease } from './select-release.js';
import { snapshotCollections } from './snapshot-collections.js';
import { stagePackage } from './stage-package.js';

export interface InstallRequest {
  name: string;
  version?: string | null;
  licenseKey?: string | null;
}

/**
 * `installModule`: LICENSE → DOWNLOAD → VERIFY → EXTRACT → RESOLVE → LOAD → ACTIVATE. Resolves
 * with the ENABLED module once it is live. Any failure leaves files, records and schema as before.
 */
export async function installModule(deps: InstallerDeps, request: InstallRequest, actor: string): Promise<ModuleInfo> {
  const { name } = request;
  // Every check runs inside the operation, so refusals are audited like failures.
  return runModuleOperation(deps, { module: name, kind: 'INSTALL', actor, fromVersion: null }, async (operation) => {
    assertNotInstalled(deps, name);
    const registry = requireRegistry(deps);
    const catalog = await registry.getCatalog({ fresh: true });
    const { release } = selectRelease(catalog, name, request.version);
    await operation.step('LICENSE', release.licenseRequired ? 'Checking the license' : 'No license needed', { toVersion: release.version });
    const license = release.licenseRequired ? await checkLicense(deps, name, request.licenseKey) : null;
    assertReleaseCompatible(deps.runtime, name, release, deps.platformVersion);
    const staged = await stagePackage(registry, name, release, operation.stagingDir, stagingLimits(deps), operation);
    const targetDir = versionDir(deps.installedDir, name, release.version);
    await operation.step('LOAD', `Loading ${name}@${release.version}`, { targetDir });
    await placePackage(staged.dir, targetDir);
    // Migrations and onEnable write to the module's collections (which may hold data kept by an
    // earlier uninstall): a failed activation must leave them, and the migration history, as they were.
    const snapshot = await snapshotCollections(
      deps.store,
      [
        ...staged.manifest.database_collections.map((collection) => ({ collection })),
        { collection: MODULE_MIGRATIONS_COLLECTION, filter: { module: name } },
      ],
      operation.stagingDir,
    );
    try {
      await operation.step('ACTIVATE', 'Composing the schema and going live');
      const info = await deps.runtime.activateInstalled(name, release.version, { actor, licenseKeyEncrypted: license?.encrypted ?? null });
      return { result: info, details: { toVersion: release.version, licensee: license?.claims.sub ?? null } };
    } catch (error) {
      await snapshot.restore();
      await removeVersionDir(deps.installedDir, name, release.version);
      await deps.runtime.refresh();
      throw error;
    }
  });
}

function assertNotInstalled(deps: InstallerDeps, name: string): void {
  const existing = deps.runtime.get(name);
  if (existing?.installed) {
    throw platformError(
      'ALREADY_INSTALLED',
      `${name} ${existing.version ?? ''} is already installed (${existing.source.toLowerCase()}); use upgradeModule or enableModule.`,
      { details: { module: name } },
    );
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
