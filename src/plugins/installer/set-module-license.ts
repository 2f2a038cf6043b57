import { isPlatformError, platformError } from '../../errors/index.js';
import type { ModuleInfo } from '../runtime/index.js';
import { checkLicense } from './check-license.js';
import type { InstallerDeps } from './installer-deps.js';
import type { LicenseStatusBook } from './license-status-book.js';

/** `setModuleLicense`: verifies a new key (renewal, replacement) and stores it encrypted. Audited without the key. */
export async function setModuleLicense(
  deps: InstallerDeps,
  book: LicenseStatusBook,
  name: string,
  licenseKey: string,
  actor: string,
): Promise<ModuleInfo> {
  const info = deps.runtime.get(name);
  if (!info?.installed)
    throw platformError('NOT_INSTALLED', `${name} is not installed; install it with its license key.`, { details: { module: name } });
  const audit = (outcome: string, details: Record<string, unknown>) =>
    deps.audit.append({ actor, action: 'module.license', module: name, outcome, details }).catch(() => {});
  try {
    const { claims, encrypted } = await checkLicense(deps, name, licenseKey);
    await deps.saveLicense(name, encrypted);
    await book.check(name);
    await audit('SUCCEEDED', { licensee: claims.sub, jti: claims.jti, expiresAt: new Date(claims.exp * 1000).toISOString() });
    return deps.runtime.get(name) ?? info;
  } catch (error) {
    await audit(`FAILED:${isPlatformError(error) ? error.code : 'INTERNAL'}`, {});
    throw error;
  }
}
