import { platformError } from '../../errors/index.js';
import { runModuleOperation } from '../operations/run-module-operation.js';
import type { ModuleInfo } from '../runtime/index.js';
import type { InstallerDeps } from './installer-deps.js';
import { requireRegistry } from './require-registry.js';
import { selectRelease } from './select-release.js';
import { stageAndActivate } from './stage-and-activate.js';

export interface InstallRequest {
  name: string;
  version?: string | null;
  licenseKey?: string | null;
}

/**
 * `installModule`: LICENSE → DOWNLOAD → VERIFY → EXTRACT → RESOLVE → LOAD → ACTIVATE (see
 * stageAndActivate). Resolves with the ENABLED module once it is live. Any failure leaves files,
 * records, data and schema as before.
 */
export async function installModule(deps: InstallerDeps, request: InstallRequest, actor: string): Promise<ModuleInfo> {
  const { name } = request;
  // Every check runs inside the operation, so refusals are audited like failures.
  return runModuleOperation(deps, { module: name, kind: 'INSTALL', actor, fromVersion: null }, async (operation) => {
    assertNotInstalled(deps, name);
    const catalog = await requireRegistry(deps).getCatalog({ fresh: true });
    const { release } = selectRelease(catalog, name, request.version);
    const { info, license } = await stageAndActivate(deps, operation, {
      name,
      release,
      licenseKey: request.licenseKey,
      currentCollections: [],
      activateMessage: 'Composing the schema and going live',
      activateOptions: (checked) => ({ actor, licenseKeyEncrypted: checked?.encrypted ?? null }),
    });
    return { result: info, details: { toVersion: release.version, licensee: license?.claims.sub ?? null } };
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
