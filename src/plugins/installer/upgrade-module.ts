import { rm } from 'node:fs/promises';
import semver from 'semver';
import { platformError } from '../../errors/index.js';
import { runModuleOperation } from '../operations/run-module-operation.js';
import type { ModuleInfo } from '../runtime/index.js';
import type { InstallerDeps } from './installer-deps.js';
import { versionDir } from './place-package.js';
import { requireRegistry } from './require-registry.js';
import { selectRelease } from './select-release.js';
import { stageAndActivate } from './stage-and-activate.js';

export interface UpgradeRequest {
  name: string;
  /** Latest when omitted. A lower version than the installed one is a downgrade, done only when named explicitly. */
  version?: string | null;
  /** Needed when the module requires a license and none is stored (or to replace it). */
  licenseKey?: string | null;
  /** Go ahead although breaking changes touch coordinates clients used (else BREAKING_CHANGE). */
  acceptBreakingChanges?: boolean | null;
  /** Every permission and collection the new version adds (else PERMISSIONS_NOT_ACCEPTED). */
  acceptPermissions?: readonly string[] | null;
}

function currentModule(deps: InstallerDeps, name: string): ModuleInfo & { version: string } {
  const info = deps.runtime.get(name);
  if (!info?.installed || !info.version) {
    throw platformError('NOT_INSTALLED', `${name} is not installed; use installModule.`, { details: { module: name } });
  }
  return info as ModuleInfo & { version: string };
}

/**
 * `upgradeModule`: the install pipeline (stageAndActivate) to another version, then the new
 * version's migrations. The old version stays live until the new one is; if anything fails — a
 * migration included — the old version keeps serving and the module's collections are restored.
 */
export async function upgradeModule(deps: InstallerDeps, request: UpgradeRequest, actor: string): Promise<ModuleInfo> {
  const { name } = request;
  const fromVersion = deps.runtime.get(name)?.version ?? null;
  return runModuleOperation(deps, { module: name, kind: 'UPGRADE', actor, fromVersion }, async (operation) => {
    const from = currentModule(deps, name);
    const catalog = await requireRegistry(deps).getCatalog({ fresh: true });
    const { release } = selectRelease(catalog, name, request.version);
    if (release.version === from.version && from.source === 'REGISTRY') {
      throw platformError('BAD_USER_INPUT', `${name} is already at version ${from.version}.`, { details: { field: 'version' } });
    }
    if (!request.version && semver.lt(release.version, from.version)) {
      throw platformError(
        'BAD_USER_INPUT',
        `${name} ${from.version} is newer than the registry's latest ${release.version}; name a version to downgrade.`,
        { details: { field: 'version' } },
      );
    }
    const storedKey = await deps.storedLicense(name);
    const { info } = await stageAndActivate(deps, operation, {
      name,
      release,
      licenseKey: request.licenseKey ?? (storedKey ? deps.cipher.decrypt(storedKey) : null),
      currentCollections: from.collections,
      activateMessage: `Running migrations and switching ${from.version} → ${release.version}`,
      activateOptions: (license) => ({ actor, ...(license ? { licenseKeyEncrypted: license.encrypted } : {}) }),
      keepVersionDirOnUndo: release.version === from.version,
      // Refusals happen here, before any file is placed or data touched.
      beforePlacing: async (staged) => deps.safety?.guard(name, staged.dir, release, request),
      async afterActivate(step, { collections }) {
        await step.step('CLEANUP', deps.safety ? `Keeping ${name}@${from.version} for rollback` : `Removing ${name}@${from.version}`);
        if (deps.safety) await deps.safety.keep(name, from, release.version, step.stagingDir, [...collections]);
        else if (from.source === 'REGISTRY') await rm(versionDir(deps.installedDir, name, from.version), { recursive: true, force: true });
        await deps.runtime.refresh();
      },
    });
    return { result: info, details: { fromVersion: from.version, toVersion: release.version } };
  });
}
