import { platformError } from '../../errors/index.js';
import type { ModuleCollection, ModuleStore } from '../../sdk/types.js';
import type { DocumentStore, StoredDocument } from '../../store/types.js';

/**
 * The store handle a module gets: only the collections its manifest lists in
 * `database_collections`; any other name throws FORBIDDEN naming the collection and the field.
 */
export function createScopedStore(store: DocumentStore, moduleName: string, collections: readonly string[]): ModuleStore {
  const allowed = new Set(collections);
  // Resolvers ask for their collections on every call (100s per list query); hand out one object per name.
  const opened = new Map<string, ModuleCollection<StoredDocument>>();
  return {
    collection<T extends { _id: string; [field: string]: unknown }>(name: string): ModuleCollection<T> {
      if (!allowed.has(name)) {
        const declared = collections.length > 0 ? collections.join(', ') : 'none';
        throw platformError(
          'FORBIDDEN',
          `Module ${moduleName} may not use the collection "${name}": add it to "database_collections" in its manifest.json (declared: ${declared}).`,
        );
      }
      let collection = opened.get(name);
      if (!collection) {
        // No cast: the compiler checks that the platform's collection satisfies the module contract.
        collection = store.collection<StoredDocument>(name) satisfies ModuleCollection<StoredDocument>;
        opened.set(name, collection);
      }
      return collection as ModuleCollection<T>;
    },
  };
}
