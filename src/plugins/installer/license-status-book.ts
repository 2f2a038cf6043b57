import { isPlatformError } from '../../errors/index.js';
import { verifyLicenseKey } from '../licenses/index.js';
import { runModuleOperation } from '../operations/run-module-operation.js';
import type { LicenseStatusView } from '../runtime/module-info.js';
import type { InstallerDeps } from './installer-deps.js';
import { MISSING_LICENSE } from './license-statuses.js';
import { revokedLicenses } from './revoked-licenses.js';

const STATE_OF_CODE: Record<string, LicenseStatusView['state']> = {
  LICENSE_EXPIRED: 'EXPIRED',
  LICENSE_REVOKED: 'REVOKED',
  LICENSE_INVALID: 'INVALID',
};

export interface LicenseStatusBook {
  /** Decrypts and verifies the stored key again (revocations included) and remembers the result (deps.licenseStatuses). */
  check(name: string): Promise<LicenseStatusView>;
  /**
   * Checks every licensed registry module and disables (as `system`, through the operation frame)
   * an enabled one whose license is expired, revoked or invalid. Runs at start and then periodically.
   */
  enforce(): Promise<void>;
}

export function createLicenseStatusBook(deps: InstallerDeps): LicenseStatusBook {
  async function check(name: string): Promise<LicenseStatusView> {
    const sealed = await deps.storedLicense(name);
    let status: LicenseStatusView;
    if (!sealed) status = MISSING_LICENSE;
    else {
      const checkedAt = new Date();
      try {
        const claims = await verifyLicenseKey(deps.cipher.decrypt(sealed), deps.config.licensePublicKey, {
          module: name,
          installationId: deps.installationId,
          revoked: await revokedLicenses(deps, false).catch(() => new Set<string>()),
        });
        status = { state: 'VALID', licensee: claims.sub, expiresAt: new Date(claims.exp * 1000), seats: claims.seats ?? null, checkedAt };
      } catch (error) {
        const state = isPlatformError(error) ? (STATE_OF_CODE[error.code] ?? 'INVALID') : 'INVALID';
        status = { state, licensee: null, expiresAt: null, seats: null, checkedAt };
      }
    }
    deps.licenseStatuses.remember(name, status);
    return status;
  }

  /**
   * A license-driven disable is an operation like any (locked, journaled, announced, audited as
   * `system`); it waits for a running operation on the module instead of being refused, and
   * checks the license again once it holds the lock (what it waited for may have changed the key).
   */
  function disableUnlicensed(name: string) {
    const request = { module: name, kind: 'DISABLE' as const, actor: 'system', fromVersion: null, waitForLock: true };
    return runModuleOperation(deps, request, async (operation) => {
      const status = await check(name);
      if (status.state === 'VALID' || !deps.runtime.get(name)?.enabled) {
        return { result: null, outcome: 'NO_OP' as const, details: { license: status.state } };
      }
      await operation.step('ACTIVATE', `Disabling ${name}: its license is ${status.state.toLowerCase()}`);
      const { info } = await deps.runtime.disable(name);
      return { result: info, details: { license: status.state, version: info.version } };
    });
  }

  return {
    check,
    async enforce() {
      for (const info of deps.runtime.list()) {
        if (!info.installed || info.source !== 'REGISTRY' || !info.licenseRequired) continue;
        const status = await check(info.name);
        if (status.state === 'VALID' || !info.enabled) continue;
        deps.logger.warn(
          { module: info.name, license: status.state },
          `disabling ${info.name}: its license is ${status.state.toLowerCase()}`,
        );
        await disableUnlicensed(info.name).catch((error: unknown) => {
          deps.logger.warn({ err: error, module: info.name }, `could not disable ${info.name} after its license check`);
        });
      }
    },
  };
}
