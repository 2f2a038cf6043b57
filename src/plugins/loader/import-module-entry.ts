import { pathToFileURL } from 'node:url';
import { platformError } from '../../errors/index.js';

let importCounter = 0;

/**
 * Imports a module's ESM entry from a version-qualified URL
 * (`file:///…/index.js?v=<version>-<n>`): Node caches modules by URL, so an upgraded or
 * re-enabled module is really evaluated again instead of reusing the old code.
 * Returns the default export; throws MODULE_LOAD_FAILED when the import throws.
 */
export async function importModuleEntry(name: string, entryPath: string, version: string): Promise<unknown> {
  importCounter += 1;
  const url = `${pathToFileURL(entryPath).href}?v=${encodeURIComponent(version)}-${importCounter}`;
  let namespace: { default?: unknown };
  try {
    namespace = (await import(url)) as { default?: unknown };
  } catch (error) {
    throw platformError('MODULE_LOAD_FAILED', `Module ${name} failed to import its entry: ${(error as Error)?.message ?? String(error)}`, {
      details: { module: name },
      cause: error,
    });
  }
  if (namespace.default === undefined) {
    throw platformError(
      'MODULE_LOAD_FAILED',
      `Module ${name} has no default export: its entry must \`export default defineModule({ typeDefs, resolvers })\`.`,
      { details: { module: name } },
    );
  }
  return namespace.default;
}
