import type { Config } from '../../config/index.js';
import type { Logger } from '../../logging/index.js';
import type { DocumentStore } from '../../store/types.js';
import type { AuditLogRepository } from '../audit/index.js';
import type { LicenseCipher } from '../licenses/index.js';
import type { ModuleEventBus } from '../operations/module-event-bus.js';
import type { OperationJournal } from '../operations/operation-journal.js';
import type { OperationLock } from '../operations/operation-lock.js';
import type { RegistryClient } from '../registry/index.js';
import type { ModuleRuntime } from '../runtime/index.js';
import type { UpgradeSafety } from './upgrade-safety.js';

/** Everything the install/upgrade/uninstall pipeline works with, handed in by the platform. */
export interface InstallerDeps {
  config: Pick<Config, 'licensePublicKey' | 'licenseServerUrl' | 'limits' | 'testPauseAtStep'>;
  store: DocumentStore;
  logger: Logger;
  runtime: ModuleRuntime;
  /** Null when no registry is configured: installs then fail with REGISTRY_UNAVAILABLE. */
  registry: RegistryClient | null;
  lock: OperationLock;
  journal: OperationJournal;
  events: ModuleEventBus;
  audit: AuditLogRepository;
  cipher: LicenseCipher;
  installationId: string;
  platformVersion: string;
  /** `$DATA_DIR/staging`: one directory per running operation, removed when it ends. */
  stagingRoot: string;
  /** `$DATA_DIR/modules`: `<name>/<version>/` per installed version. */
  installedDir: string;
  /** Saves a module's encrypted license in its record (and the runtime's view of it). */
  saveLicense(name: string, licenseKeyEncrypted: string): Promise<void>;
  /** The stored, encrypted license of a module, if any. */
  storedLicense(name: string): Promise<string | null>;
  /** Upgrade guard and rollback bookkeeping (safe changes); upgrades run unguarded without it. */
  safety?: UpgradeSafety;
}
