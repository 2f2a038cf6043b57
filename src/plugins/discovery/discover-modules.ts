import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DiscoveredModule } from './discovered-module.js';
import { type ModuleDirLocation, readModuleDir } from './read-module-dir.js';

export interface DiscoverModulesOptions {
  /** Built bundled modules: `<bundledDir>/<name>/manifest.json`. */
  bundledDir: string;
  /** Registry installs: `<installedDir>/<name>/<version>/manifest.json` (`$DATA_DIR/modules`). */
  installedDir: string;
}

/** Sub-directories, skipping hidden ones (installer staging dirs start with a dot); a missing dir is empty. */
async function subdirectories(dir: string): Promise<Dirent[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  } catch {
    return [];
  }
}

async function installedLocations(installedDir: string): Promise<ModuleDirLocation[]> {
  const names = await subdirectories(installedDir);
  const perName = await Promise.all(
    names.map(async (name) =>
      (await subdirectories(path.join(installedDir, name.name))).map((version) => ({
        dir: path.join(installedDir, name.name, version.name),
        name: name.name,
        source: 'REGISTRY' as const,
        version: version.name,
      })),
    ),
  );
  return perName.flat();
}

/**
 * Finds every bundled and installed module and reads its manifest (all concurrently). Never
 * throws: a module with a missing or invalid manifest or entry comes back with `loadError` set.
 *
 * @example const found = await discoverModules({ bundledDir: 'build/bundled', installedDir: `${dataDir}/modules` });
 */
export async function discoverModules(options: DiscoverModulesOptions): Promise<DiscoveredModule[]> {
  const [bundled, installed] = await Promise.all([
    subdirectories(options.bundledDir).then((dirs) =>
      dirs.map((dir): ModuleDirLocation => ({ dir: path.join(options.bundledDir, dir.name), name: dir.name, source: 'BUNDLED' })),
    ),
    installedLocations(options.installedDir),
  ]);
  const found = await Promise.all([...bundled, ...installed].map(readModuleDir));
  return found.sort((a, b) => a.name.localeCompare(b.name) || a.source.localeCompare(b.source));
}
