import { platformError } from '../../errors/index.js';
import { runModuleOperation } from '../operations/run-module-operation.js';
import type { ModuleInfo } from '../runtime/index.js';
import { checkLicense } from './check-license.js';
import type { InstallerDeps } from './installer-deps.js';
import type { LicenseStatusBook } from './license-status-book.js';

/**
 * `setModuleLicense`: verifies a new key (renewal, replacement) and stores it encrypted, under the
 * module's lock (a concurrent upgrade cannot write the old key back). Audited without the key.
 */
export async function setModuleLicense(
  deps: InstallerDeps,
  book: LicenseStatusBook,
  name: string,
  licenseKey: string,
  actor: string,
): Promise<ModuleInfo> {
  return runModuleOperation(deps, { module: name, kind: 'LICENSE', actor, fromVersion: null }, async (operation) => {
    const info = deps.runtime.get(name);
    if (!info?.installed)
      throw platformError('NOT_INSTALLED', `${name} is not installed; install it with its license key.`, { details: { module: name } });
    await operation.step('LICENSE', 'Checking the new license key');
    const { claims, encrypted } = await checkLicense(deps, name, licenseKey);
    await deps.saveLicense(name, encrypted);
    await book.check(name);
    return {
      result: deps.runtime.get(name) ?? info,
      details: { licensee: claims.sub, jti: claims.jti, expiresAt: new Date(claims.exp * 1000).toISOString() },
    };
  });
}
