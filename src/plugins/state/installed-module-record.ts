import type { ModuleSource } from '../discovery/index.js';

/**
 * One document of `installed_modules`: the desired state of a module. `enabled` is what the admin
 * asked for; `loadError` says why an enabled module is not live (state FAILED).
 */
export interface InstalledModuleRecord {
  _id: string;
  name: string;
  version: string | null;
  source: ModuleSource;
  enabled: boolean;
  installedAt: Date;
  /** Actor (email) who installed it, or 'system' for bundled modules. */
  installedBy: string;
  lastLoadedAt: Date | null;
  loadError: string | null;
  /** AES-256-GCM encrypted license key; filled by the license work, never returned. */
  licenseKeyEncrypted: string | null;
  [field: string]: unknown;
}
