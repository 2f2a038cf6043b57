import type { Config } from '../../config/index.js';
import type { DocumentStore } from '../../store/types.js';
import type { LicenseCipher } from '../licenses/index.js';
import type { OperationFrameDeps } from '../operations/run-module-operation.js';
import type { RegistryClient } from '../registry/index.js';
import type { ModuleRuntime } from '../runtime/index.js';
import type { LicenseStatuses } from './license-statuses.js';
import type { UpgradeSafety } from './upgrade-safety.js';

/**
 * Everything the module operations (install, upgrade, uninstall, enable, disable, licenses) work
 * with, handed in by the platform: the operation frame's parts (lock, journal, events, audit,
 * logger, staging root) and the pipeline's.
 */
export interface InstallerDeps extends OperationFrameDeps {
  config: Pick<Config, 'licensePublicKey' | 'licenseServerUrl' | 'limits'>;
  store: DocumentStore;
  runtime: ModuleRuntime;
  /** Which registry installs use (see RegistrySource); none: installs fail with REGISTRY_UNAVAILABLE. */
  registry: RegistrySource;
  /** The last checked license status per module, shared with the runtime's module views. */
  licenseStatuses: LicenseStatuses;
  cipher: LicenseCipher;
  installationId: string;
  platformVersion: string;
  /** `$DATA_DIR/modules`: `<name>/<version>/` per installed version. */
  installedDir: string;
  /** Saves a module's encrypted license in its record (and the runtime's view of it). */
  saveLicense(name: string, licenseKeyEncrypted: string): Promise<void>;
  /** The stored, encrypted license of a module, if any. */
  storedLicense(name: string): Promise<string | null>;
  /** After an uninstall: the module's permissions leave roles and grants (access control). */
  onModuleRemoved?(name: string, permissions: readonly string[]): Promise<void>;
  /** Upgrade guard and rollback bookkeeping (safe changes); upgrades run unguarded without it. */
  safety?: UpgradeSafety;
}

/**
 * The registry client to use now. REGISTRY_URL gives one from the start; without it the
 * development registry is served by the platform itself, so its client exists only once the
 * server listens (its URL has the port) — the one thing in the wiring that arrives later.
 */
export interface RegistrySource {
  current(): RegistryClient | null;
}
