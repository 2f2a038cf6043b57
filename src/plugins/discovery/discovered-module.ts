import type { Manifest } from '../manifest/index.js';

/** Where a module's files come from: built into the platform, or installed from the registry. */
export type ModuleSource = 'BUNDLED' | 'REGISTRY';

/**
 * One module directory found on disk. A directory whose manifest is missing or invalid is still
 * reported (with `loadError`), so admins see it as FAILED instead of it silently vanishing.
 */
export interface DiscoveredModule {
  /** The directory name, which a valid manifest's `module_name` equals. */
  name: string;
  /** The manifest version; for an installed module with a bad manifest, its version directory. */
  version: string | null;
  source: ModuleSource;
  /** Absolute path of the module's files. */
  dir: string;
  manifest: Manifest | null;
  /** Absolute path of the ESM entry, when the manifest is valid and the file exists. */
  entryPath: string | null;
  loadError: string | null;
}
