import type { LicenseStatusView } from '../runtime/module-info.js';

export interface LicenseStatuses {
  /** Last checked status of a module's stored license (MISSING until checked or when none; NOT_REQUIRED for free or bundled modules). */
  describe(module: { name: string; source: string; licenseRequired: boolean }): LicenseStatusView;
  remember(name: string, status: LicenseStatusView): void;
}

export const MISSING_LICENSE: LicenseStatusView = { state: 'MISSING', licensee: null, expiresAt: null, seats: null, checkedAt: null };

/**
 * The license status the module views show, kept apart from the checks that fill it
 * (license-status-book.ts): the runtime reads it, the installer writes it, neither needs the other.
 */
export function createLicenseStatuses(): LicenseStatuses {
  const statuses = new Map<string, LicenseStatusView>();
  return {
    describe(module) {
      if (!module.licenseRequired || module.source !== 'REGISTRY') {
        return { state: 'NOT_REQUIRED', licensee: null, expiresAt: null, seats: null, checkedAt: null };
      }
      return statuses.get(module.name) ?? MISSING_LICENSE;
    },
    remember: (name, status) => statuses.set(name, status),
  };
}
