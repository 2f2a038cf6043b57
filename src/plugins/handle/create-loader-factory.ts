import DataLoader from 'dataloader';
import { platformError } from '../../errors/index.js';
import type { ModuleDocument, ModuleHandle, ModuleLoader, ModuleLoaderOptions, ModuleStore } from '../../sdk/types.js';
import { isSameLoaderOptions } from './is-same-loader-options.js';

export type LoaderFactory = ModuleHandle['loader'];

type Key = string | number;

/** Reads a (dotted) field of a document; the path is split once per loader, not once per document. */
function fieldReader(path: string): (document: ModuleDocument) => unknown {
  const parts = path.split('.');
  if (parts.length === 1) return (document) => (document as Record<string, unknown>)[path];
  return (document) => {
    let value: unknown = document;
    for (const part of parts) value = (value as Record<string, unknown> | null | undefined)?.[part];
    return value;
  };
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

/**
 * One batched read for every key asked for in a tick, handed back grouped per key in `sort` order.
 * With `cache` (a request's loader) what was read is also kept by key, for `loaded`.
 */
function createLoader<T extends ModuleDocument>(
  store: ModuleStore,
  collection: string,
  key: string,
  options: ModuleLoaderOptions,
  cache: boolean,
): ModuleLoader<T> {
  const documents = store.collection<T>(collection);
  const keyOf = fieldReader(key);
  const settled = cache ? new Map<Key, T[]>() : undefined;
  const read = async (values: readonly Key[]): Promise<T[][]> => {
    const filter = { ...options.filter, [key]: { $in: [...new Set(values)] } };
    // Shared and frozen: a loader's documents already go to every resolver asking for the same key.
    const found = await documents.find(filter, { sort: options.sort, projection: options.projection, readOnly: true });
    const grouped = new Map<unknown, T[]>();
    for (const document of found) {
      const value = keyOf(document);
      let group = grouped.get(value);
      if (!group) {
        group = [];
        grouped.set(value, group);
      }
      if (options.limit === undefined || group.length < options.limit) group.push(document);
    }
    const groups = values.map((value) => grouped.get(value) ?? []);
    if (settled) for (let i = 0; i < values.length; i++) settled.set(values[i]!, groups[i]!);
    return groups;
  };
  const loader = new DataLoader<Key, T[]>(read, { cache });
  // A value already read (by a batch or `prefetch`) is not asked of DataLoader again.
  const load = (value: Key): Promise<T[]> => {
    const known = settled?.get(value);
    return known ? Promise.resolve(known) : loader.load(value);
  };
  return {
    load,
    loadOne: async (value) => (await load(value))[0] ?? null,
    prefetch: async (values) => {
      if (!settled) return;
      // A row without the key field has no children to read; `load` refuses it as before.
      const missing = values.filter((value) => value !== null && value !== undefined && !settled.has(value));
      if (missing.length > 0) await read(missing);
    },
    loaded: (value) => settled?.get(value),
  };
}

type Made = { options: ModuleLoaderOptions; loader: ModuleLoader<never> };

/** Loaders of one (collection, key) found by their options' value; scanned while few, hashed by JSON text beyond. */
class LoaderShelf {
  private static readonly SCANNED = 8;
  private readonly few: Made[] = [];
  private many: Map<string, Made[]> | undefined;
  // Resolvers mostly pass one constant options object per call site: found by identity first.
  private last: Made | undefined;

  find(options: ModuleLoaderOptions): ModuleLoader<never> | undefined {
    if (this.last?.options === options) return this.last.loader;
    const made = this.findByValue(options);
    if (made) this.last = { options, loader: made.loader };
    return made?.loader;
  }

  private findByValue(options: ModuleLoaderOptions): Made | undefined {
    for (const made of this.few) if (isSameLoaderOptions(made.options, options)) return made;
    // JSON text only narrows the search (it maps distinct RegExps alike); isSameLoaderOptions decides.
    return this.many?.get(JSON.stringify(options))?.find((made) => isSameLoaderOptions(made.options, options));
  }

  add(made: Made): void {
    this.last = made;
    if (this.few.length < LoaderShelf.SCANNED) {
      this.few.push(made);
      return;
    }
    this.many ??= new Map();
    const text = JSON.stringify(made.options);
    const bucket = this.many.get(text);
    if (bucket) bucket.push(made);
    else this.many.set(text, [made]);
  }
}

/**
 * `handle.loader` over `store`. With `cache` (one factory per request) a (collection, key,
 * options) triple gets one loader that remembers its reads until the request is over; without
 * it (the module's base handle, alive for the whole enable) loaders only batch. The scoped store
 * refuses an undeclared collection (FORBIDDEN) when the loader is made, as `store.collection` does.
 * Options are matched by value (`isSameLoaderOptions`): resolvers pass a fresh options object per parent,
 * and serializing it to a key on every call was a large part of a nested list request.
 */
export function createLoaderFactory(store: ModuleStore, cache: boolean): LoaderFactory {
  const shelves = new Map<string, Map<string, LoaderShelf>>();
  return <T extends ModuleDocument>(collection: string, key: string, options: ModuleLoaderOptions = {}) => {
    let byKey = shelves.get(collection);
    if (!byKey) {
      byKey = new Map();
      shelves.set(collection, byKey);
    }
    let shelf = byKey.get(key);
    if (!shelf) {
      shelf = new LoaderShelf();
      byKey.set(key, shelf);
    }
    const found = shelf.find(options);
    if (found) return found as unknown as ModuleLoader<T>;
    assertLoaderArgs(key, options);
    const loader = createLoader<T>(store, collection, key, options, cache) as unknown as ModuleLoader<never>;
    shelf.add({ options, loader });
    return loader as unknown as ModuleLoader<T>;
  };
}
