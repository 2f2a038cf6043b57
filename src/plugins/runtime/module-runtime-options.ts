import type { Config } from '../../config/index.js';
import type { Logger } from '../../logging/index.js';
import type { DocumentStore } from '../../store/types.js';
import type { SchemaHolder } from '../composer/schema-holder.js';
import type { ModuleSource } from '../discovery/index.js';
import type { LicenseStatusView, RegistryModuleView } from './module-info.js';

export interface ModuleRuntimeOptions {
  config: Pick<Config, 'enabledModules' | 'autoDiscoverModules' | 'limits'>;
  store: DocumentStore;
  logger: Logger;
  /** The core SDL (`schema/*.graphql` as strings), parsed once, at creation; its resolvers come with `start()`. */
  core: { typeDefs: string | readonly string[] };
  /** Built bundled modules: `<bundledDir>/<name>/`. */
  bundledDir: string;
  /** Registry installs: `<installedDir>/<name>/<version>/` (`$DATA_DIR/modules`). */
  installedDir: string;
  /** Swapped on start and on every change; created by `start()` when not given. */
  schemaHolder?: SchemaHolder;
  /** Platform version for `dependencies.core`; default PLATFORM_VERSION. */
  platformVersion?: string;
  /** The registry's modules (cached catalog): fills latestVersion and lists AVAILABLE ones. */
  registryModules?: () => readonly RegistryModuleView[];
  /** The license status shown for a module (never the key); default MISSING/NOT_REQUIRED. */
  describeLicense?: (module: {
    name: string;
    source: ModuleSource;
    licenseRequired: boolean;
    licenseKeyEncrypted: string | null;
  }) => LicenseStatusView | null;
}
