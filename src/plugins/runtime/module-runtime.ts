import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { SchemaHolder } from '../composer/schema-holder.js';
import type { PreparedModule } from '../loader/index.js';
import type { ActivateInstalledOptions } from './activate-installed.js';
import type { ModuleInfo } from './module-info.js';

export interface OperationResult {
  info: ModuleInfo;
  /** False for a no-op (already enabled/disabled): nothing was swapped. */
  changed: boolean;
}

/**
 * The plugin runtime: discovers, loads and composes modules and swaps the schema live. It hands
 * out a schema (through the holder) and knows nothing of HTTP.
 */
export interface ModuleRuntime {
  /**
   * Discovers modules, seeds `installed_modules` on a first start, loads the enabled set in
   * dependency order and composes them with the core SDL and `coreResolvers` (the server's own:
   * they may call this runtime and the installer, so they are built after both and handed in
   * here). Returns the holder serving the composed schema (the one passed in options, swapped
   * once; or a new one at version 1). The operations (enable, disable, activateInstalled,
   * remove) are refused until then; the views and `refresh` work from creation.
   */
  start(coreResolvers?: object): Promise<SchemaHolder>;
  /** Disables every live module (dependents first) without swapping; the store stays open. */
  stop(): Promise<void>;
  /** Every bundled or installed module, plus registry-only ones (AVAILABLE), by name. */
  list(): ModuleInfo[];
  /** One module, or null when no module of that name is bundled, installed or offered. */
  get(name: string): ModuleInfo | null;
  /** Stores a module's encrypted license key in its record (no-op without a record). */
  saveLicense(name: string, licenseKeyEncrypted: string | null): Promise<void>;
  /** The stored encrypted license key of a module, or null. */
  storedLicense(name: string): string | null;
  /**
   * Enables `name` live (`changed: false` when it already was). Not audited here: the operation
   * frame (installer's toggleModule) locks, journals and audits the whole operation.
   */
  enable(name: string): Promise<OperationResult>;
  /** Disables `name` live (`changed: false` when it was not enabled). Audited by the operation frame. */
  disable(name: string): Promise<OperationResult>;
  /**
   * Installer hook (install and upgrade): makes `<installedDir>/<name>/<version>/` live and records
   * it (source REGISTRY). Upgrades in place; a failed new version leaves the old one live. Not
   * audited here: the installer audits the whole operation.
   */
  activateInstalled(name: string, version: string, options: ActivateInstalledOptions): Promise<ModuleInfo>;
  /**
   * Installer hook (uninstall): disables live, forgets the record and, with `dropData`, its
   * collections and migration history. The installer deletes the files afterwards.
   */
  remove(name: string, options?: { dropData?: boolean }): Promise<void>;
  /** Re-reads module directories (e.g. after the installer extracted a package). */
  refresh(): Promise<void>;
  /** `platform.schemaVersion`: +1 on every swap. */
  schemaVersion(): number;
  /** The live schema. */
  schema(): GraphQLSchema;
  /** Change plans: the core SDL, the live modules in load order, and an installed module prepared without running it. */
  planning: {
    coreDocument(): DocumentNode;
    live(): readonly PreparedModule[];
    prepareInstalled(name: string): Promise<PreparedModule>;
  };
  /** The permissions enabled modules registered (SUPER_ADMIN/ADMIN hold all; USER those granted). */
  permissions(): { registered: readonly string[] };
}
