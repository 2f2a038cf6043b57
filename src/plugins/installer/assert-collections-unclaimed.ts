import { platformError } from '../../errors/index.js';
import type { Manifest } from '../manifest/index.js';
import type { ModuleRuntime } from '../runtime/index.js';

/**
 * PACKAGE_INVALID when the package declares a `database_collections` entry that another
 * installed module — enabled or disabled, bundled or from the registry — already declares.
 * Checking only enabled modules let a newcomer take a disabled module's data (read it, rewrite
 * it, drop it with `uninstallModule(dropData: true)`). Names compare case-insensitively: the
 * embedded store keeps one file per collection, and some file systems fold case.
 */
export function assertCollectionsUnclaimed(runtime: ModuleRuntime, manifest: Manifest): void {
  const wanted = new Map(manifest.database_collections.map((name) => [name.toLowerCase(), name]));
  const problems: string[] = [];
  for (const other of runtime.list()) {
    if (other.name === manifest.module_name || !other.installed) continue;
    for (const collection of other.collections) {
      const claimed = wanted.get(collection.toLowerCase());
      if (claimed) problems.push(`"${claimed}" belongs to the installed module ${other.name} (${other.state.toLowerCase()})`);
    }
  }
  if (problems.length === 0) return;
  throw platformError(
    'PACKAGE_INVALID',
    `${manifest.module_name} ${manifest.version} declares database_collections that another module owns: ${problems.join('; ')}. ` +
      'A module may only use collections no other installed module declares; ask its author to rename them.',
    { details: { module: manifest.module_name, collections: [...wanted.values()] } },
  );
}
