import type { ModuleHandle } from '../../sdk/types.js';
import type { DocumentStore } from '../../store/types.js';
import { createModuleHandle } from './create-module-handle.js';

/** A module's base handle over `store`, for a manifest owning `collections`. */
export function testModuleHandle(store: DocumentStore, collections: string[]): ModuleHandle {
  const manifest = {
    module_name: 'farmish',
    display_name: 'Farmish',
    version: '1.0.0',
    description: 'test',
    author: 'test',
    entry: 'index.js',
    dependencies: {},
    database_collections: collections,
    permissions: [],
    license_required: false,
  };
  return createModuleHandle({ manifest: manifest as never, store, logger: { child: () => ({}) } as never, services: {} }).handle;
}

/** The store as the module sees it, calling `onRead(collection, ...args)` on every find/findOne/countDocuments. */
export function countingStore(inner: DocumentStore, onRead: (...args: unknown[]) => void): DocumentStore {
  return {
    ...inner,
    kind: inner.kind,
    collection(name) {
      const collection = inner.collection(name);
      return new Proxy(collection, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver);
          if (typeof value !== 'function') return value;
          if (property === 'find' || property === 'findOne' || property === 'countDocuments') {
            return (...args: unknown[]) => {
              onRead(name, ...args);
              return value.apply(target, args);
            };
          }
          return value.bind(target);
        },
      });
    },
  } as DocumentStore;
}
