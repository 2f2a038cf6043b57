import type { Manifest } from '../manifest/index.js';

/** Names of the modules in `enabled` that declare a dependency on `name`, sorted. */
export function enabledDependents(name: string, enabled: Iterable<{ name: string; manifest: Pick<Manifest, 'dependencies'> }>): string[] {
  const dependents: string[] = [];
  for (const module of enabled) {
    if (module.name !== name && Object.hasOwn(module.manifest.dependencies, name)) dependents.push(module.name);
  }
  return dependents.sort();
}
