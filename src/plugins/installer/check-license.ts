import { platformError } from '../../errors/index.js';
import { type LicenseClaims, verifyLicenseKey } from '../licenses/index.js';
import type { InstallerDeps } from './installer-deps.js';
import { revokedLicenses } from './revoked-licenses.js';

export interface CheckedLicense {
  claims: LicenseClaims;
  /** AES-256-GCM sealed key, for the record. */
  encrypted: string;
}

/**
 * Step LICENSE: a module that needs a license gets a key that verifies against the vendor key,
 * this module, this installation and the revocation lists — before anything is downloaded.
 */
export async function checkLicense(deps: InstallerDeps, module: string, licenseKey: string | null | undefined): Promise<CheckedLicense> {
  if (!licenseKey?.trim()) {
    throw platformError(
      'LICENSE_REQUIRED',
      `${module} needs a license key: pass licenseKey (ask the vendor for one for installation ${deps.installationId}).`,
      {
        details: { module },
      },
    );
  }
  const claims = await verifyLicenseKey(licenseKey.trim(), deps.config.licensePublicKey, {
    module,
    installationId: deps.installationId,
    revoked: await revokedLicenses(deps),
  });
  return { claims, encrypted: deps.cipher.encrypt(licenseKey.trim()) };
}
