import DataLoader from 'dataloader';
import { platformError } from '../../errors/index.js';
import type { ModuleDocument, ModuleHandle, ModuleLoader, ModuleLoaderOptions, ModuleStore } from '../../sdk/types.js';

export type LoaderFactory = ModuleHandle['loader'];

type Key = string | number;

function fieldValue(document: ModuleDocument, path: string): unknown {
  let value: unknown = document;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | null | undefined)?.[part];
  return value;
}

function assertLoaderArgs(key: string, options: ModuleLoaderOptions): void {
  if (typeof key !== 'string' || key.length === 0)
    throw platformError('BAD_USER_INPUT', 'loader(collection, key) needs a field name as key.');
  if (options.filter && key in options.filter) {
    throw platformError('BAD_USER_INPUT', `loader options.filter must not name the key field "${key}"; the loader sets it.`);
  }
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit > 0)) {
    throw platformError('BAD_USER_INPUT', 'loader options.limit must be a whole number ≥ 1.');
  }
}

/** One batched read for every key asked for in a tick, handed back grouped per key in `sort` order. */
function createLoader<T extends ModuleDocument>(
  store: ModuleStore,
  collection: string,
  key: string,
  options: ModuleLoaderOptions,
  cache: boolean,
): ModuleLoader<T> {
  const documents = store.collection<T>(collection);
  const batch = async (values: readonly Key[]): Promise<T[][]> => {
    const filter = { ...options.filter, [key]: { $in: [...new Set(values)] } };
    const found = await documents.find(filter, { sort: options.sort, projection: options.projection });
    const grouped = new Map<unknown, T[]>();
    for (const document of found) {
      const value = fieldValue(document, key);
      let group = grouped.get(value);
      if (!group) {
        group = [];
        grouped.set(value, group);
      }
      if (options.limit === undefined || group.length < options.limit) group.push(document);
    }
    return values.map((value) => grouped.get(value) ?? []);
  };
  const loader = new DataLoader<Key, T[]>(batch, { cache });
  return {
    load: (value) => loader.load(value),
    loadOne: async (value) => (await loader.load(value))[0] ?? null,
  };
}

/**
 * `handle.loader` over `store`. With `cache` (one factory per request) a (collection, key,
 * options) triple gets one loader that remembers its reads until the request is over; without
 * it (the module's base handle, alive for the whole enable) loaders only batch. The scoped store
 * refuses an undeclared collection (FORBIDDEN) when the loader is made, as `store.collection` does.
 */
export function createLoaderFactory(store: ModuleStore, cache: boolean): LoaderFactory {
  const loaders = new Map<string, ModuleLoader<never>>();
  return <T extends ModuleDocument>(collection: string, key: string, options: ModuleLoaderOptions = {}) => {
    const id = `${collection}\u0000${key}\u0000${JSON.stringify(options)}`;
    let loader = loaders.get(id);
    if (!loader) {
      assertLoaderArgs(key, options);
      loader = createLoader<T>(store, collection, key, options, cache) as unknown as ModuleLoader<never>;
      loaders.set(id, loader);
    }
    return loader as unknown as ModuleLoader<T>;
  };
}
