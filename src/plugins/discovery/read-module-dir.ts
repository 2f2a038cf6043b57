import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseManifest } from '../manifest/index.js';
import type { DiscoveredModule, ModuleSource } from './discovered-module.js';

export interface ModuleDirLocation {
  dir: string;
  /** The name the directory layout gives the module. */
  name: string;
  source: ModuleSource;
  /** For installed modules: the `<version>` directory the manifest must agree with. */
  version?: string;
}

function failed(location: ModuleDirLocation, loadError: string): DiscoveredModule {
  const { dir, name, source, version } = location;
  return { name, version: version ?? null, source, dir, manifest: null, entryPath: null, loadError };
}

/** Reads and checks one module directory; never throws (problems become `loadError`). */
export async function readModuleDir(location: ModuleDirLocation): Promise<DiscoveredModule> {
  const { dir, name, source } = location;
  const manifestPath = path.join(dir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch {
    return failed(location, `manifest.json is missing in ${dir}.`);
  }
  let manifest: ReturnType<typeof parseManifest>;
  try {
    manifest = parseManifest(text, `manifest.json of module directory "${name}"`);
  } catch (error) {
    return failed(location, (error as Error).message);
  }
  if (manifest.module_name !== name) {
    return failed(
      location,
      `manifest.json: module_name "${manifest.module_name}" does not match its directory "${name}"; rename one of them.`,
    );
  }
  if (location.version !== undefined && manifest.version !== location.version) {
    return failed(location, `manifest.json: version ${manifest.version} does not match its directory "${location.version}".`);
  }
  const entryPath = path.resolve(dir, manifest.entry);
  try {
    await access(entryPath);
  } catch {
    return {
      ...failed(location, `The entry file "${manifest.entry}" named in manifest.json does not exist; build the module first.`),
      manifest,
      version: manifest.version,
    };
  }
  return { name, version: manifest.version, source, dir, manifest, entryPath, loadError: null };
}
