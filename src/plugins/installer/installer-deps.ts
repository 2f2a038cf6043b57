import type { Config } from '../../config/index.js';
import type { DocumentStore } from '../../store/types.js';
import type { LicenseCipher } from '../licenses/index.js';
import type { OperationFrameDeps } from '../operations/run-module-operation.js';
import type { RegistryClient } from '../registry/index.js';
import type { ModuleRuntime } from '../runtime/index.js';

/**
 * Everything the module operations (install, upgrade, uninstall, enable, disable, licenses) work
 * with, handed in by the platform: the operation frame's parts (lock, journal, events, audit,
 * logger, staging root) and the pipeline's.
 */
export interface InstallerDeps extends OperationFrameDeps {
  config: Pick<Config, 'licensePublicKey' | 'licenseServerUrl' | 'limits'>;
  store: DocumentStore;
  runtime: ModuleRuntime;
  /** Null when no registry is configured: installs then fail with REGISTRY_UNAVAILABLE. */
  registry: RegistryClient | null;
  cipher: LicenseCipher;
  installationId: string;
  platformVersion: string;
  /** `$DATA_DIR/modules`: `<name>/<version>/` per installed version. */
  installedDir: string;
  /** Saves a module's encrypted license in its record (and the runtime's view of it). */
  saveLicense(name: string, licenseKeyEncrypted: string): Promise<void>;
  /** The stored, encrypted license of a module, if any. */
  storedLicense(name: string): Promise<string | null>;
}
