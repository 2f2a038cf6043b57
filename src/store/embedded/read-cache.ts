import type { FindOptions, StoredDocument } from '../types.js';
import type { Datastore } from './nedb.js';

/** Matched documents (references into nedb's memory, in order) or a count. */
type CachedRead = StoredDocument[] | number;

/** Enough for the pages and counts a busy collection serves; past it the cache starts over. */
const MAX_ENTRIES = 256;

// Per datastore object: a dropped collection gets a new datastore, hence an empty cache.
const caches = new WeakMap<Datastore, Map<string, CachedRead>>();

/**
 * Whether `value` is plain JSON, so its JSON text says exactly what it matches (no Date, RegExp,
 * undefined). Plain loops: a page's filter is checked on every read.
 */
function isPlainJson(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth > 32) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i], depth + 1)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/**
 * The cache key of a read, or null when it must not be cached (a filter holding anything but
 * plain JSON). Projections are not part of it: the cache holds documents before copying.
 */
export function readCacheKey(kind: 'find' | 'count', filter: Record<string, unknown>, options: FindOptions = {}): string | null {
  const parts = [kind, filter, options.sort ?? null, options.skip ?? 0, options.limit ?? 0];
  return isPlainJson(parts) ? JSON.stringify(parts) : null;
}

/**
 * The embedded store's read cache: the result of a read (which documents, in which order — or how
 * many) is kept until the next write to the collection, which forgets them all. Exact by
 * construction: every write goes through the collection's write path, which calls `forgetReads`.
 */
export function cachedRead<R extends CachedRead>(datastore: Datastore, key: string | null, read: () => R): R {
  if (key === null) return read();
  let cache = caches.get(datastore);
  if (!cache) {
    cache = new Map();
    caches.set(datastore, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined) return hit as R;
  const value = read();
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, value);
  return value;
}

/** Drops every cached read of the datastore: called around each write. */
export function forgetReads(datastore: Datastore): void {
  caches.get(datastore)?.clear();
}
