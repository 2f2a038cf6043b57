import { rm } from 'node:fs/promises';
import semver from 'semver';
import { platformError } from '../../errors/index.js';
import { runModuleOperation } from '../operations/run-module-operation.js';
import type { ModuleInfo } from '../runtime/index.js';
import { MODULE_MIGRATIONS_COLLECTION } from '../state/index.js';
import { assertReleaseCompatible } from './assert-release-compatible.js';
import { checkLicense } from './check-license.js';
import { stagingLimits } from './install-module.js';
import type { InstallerDeps } from './installer-deps.js';
import { placePackage, removeVersionDir, versionDir } from './place-package.js';
import { requireRegistry } from './require-registry.js';
import { selectRelease } from './select-release.js';
import { snapshotCollections } from './snapshot-collections.js';
import { stagePackage } from './stage-package.js';

export interface UpgradeRequest {
  name: string;
  /** Latest when omitted. A lower version than the installed one is a downgrade, done only when named explicitly. */
  version?: string | null;
  /** Needed when the module requires a license and none is stored (or to replace it). */
  licenseKey?: string | null;
}

function currentModule(deps: InstallerDeps, name: string): ModuleInfo & { version: string } {
  const info = deps.runtime.get(name);
  if (!info?.installed || !info.version) {
    throw platformError('NOT_INSTALLED', `${name} is not installed; use installModule.`, { details: { module: name } });
  }
  return info as ModuleInfo & { version: string };
}

/**
 * `upgradeModule`: the install pipeline to another version, then the new version's migrations.
 * The old version stays live until the new one is; if anything fails — a migration included —
 * the old version keeps serving and the module's collections are restored as they were.
 */
export async function upgradeModule(deps: InstallerDeps, request: UpgradeRequest, actor: string): Promise<ModuleInfo> {
  const { name } = request;
  const fromVersion = deps.runtime.get(name)?.version ?? null;
  return runModuleOperation(deps, { module: name, kind: 'UPGRADE', actor, fromVersion }, async (operation) => {
    const from = currentModule(deps, name);
    const registry = requireRegistry(deps);
    const catalog = await registry.getCatalog({ fresh: true });
    const { release } = selectRelease(catalog, name, request.version);
    if (release.version === from.version && from.source === 'REGISTRY') {
      throw platformError('BAD_USER_INPUT', `${name} is already at version ${from.version}.`, { details: { field: 'version' } });
    }
    if (!request.version && semver.lt(release.version, from.version)) {
      throw platformError(
        'BAD_USER_INPUT',
        `${name} ${from.version} is newer than the registry's latest ${release.version}; name a version to downgrade.`,
        {
          details: { field: 'version' },
        },
      );
    }
    await operation.step('LICENSE', release.licenseRequired ? 'Checking the license' : 'No license needed', { toVersion: release.version });
    const storedKey = await deps.storedLicense(name);
    const key = request.licenseKey ?? (storedKey ? deps.cipher.decrypt(storedKey) : null);
    const license = release.licenseRequired ? await checkLicense(deps, name, key) : null;
    assertReleaseCompatible(deps.runtime, name, release, deps.platformVersion);
    const staged = await stagePackage(registry, name, release, operation.stagingDir, stagingLimits(deps), operation);
    const targetDir = versionDir(deps.installedDir, name, release.version);
    await operation.step('LOAD', `Loading ${name}@${release.version}`, { targetDir });
    await placePackage(staged.dir, targetDir);
    const collections = [...new Set([...from.collections, ...staged.manifest.database_collections])];
    const snapshot = await snapshotCollections(
      deps.store,
      [...collections.map((collection) => ({ collection })), { collection: MODULE_MIGRATIONS_COLLECTION, filter: { module: name } }],
      operation.stagingDir,
    );
    try {
      await operation.step('ACTIVATE', `Running migrations and switching ${from.version} → ${release.version}`);
      const info = await deps.runtime.activateInstalled(name, release.version, {
        actor,
        ...(license ? { licenseKeyEncrypted: license.encrypted } : {}),
      });
      await operation.step('CLEANUP', `Removing ${name}@${from.version}`);
      if (from.source === 'REGISTRY') await rm(versionDir(deps.installedDir, name, from.version), { recursive: true, force: true });
      await deps.runtime.refresh();
      return { result: info, details: { fromVersion: from.version, toVersion: release.version } };
    } catch (error) {
      await snapshot.restore();
      if (release.version !== from.version) await removeVersionDir(deps.installedDir, name, release.version);
      await deps.runtime.refresh();
      throw error;
    }
  });
}
