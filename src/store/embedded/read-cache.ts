import type { FindOptions, StoredDocument } from '../types.js';
import type { Datastore } from './nedb.js';

/** Matched documents (references into nedb's memory, in order) or a count. */
type CachedRead = StoredDocument[] | number;

/** Enough for the pages and counts a busy collection serves; past it the cache starts over. */
const MAX_ENTRIES = 256;

/**
 * A `$in` list at least this long is kept out of the key's JSON text and compared value by value:
 * a loader's batch of 100 ids made 2.3 KB of text to write, hash and compare on every request.
 */
const LIST_APART_FROM = 8;

/**
 * The cache key of a read: its JSON text, or, for a filter with one long `$in` list of strings or
 * numbers at its top level (a loader's batch), the text of the rest and that list's values.
 */
export type ReadCacheKey = string | { readonly text: string; readonly values: readonly (string | number)[] };

/** A collection's cached reads, by key text; reads with a list apart share a text and differ by values. */
interface ReadCache {
  byText: Map<string, CachedRead>;
  byList: Map<string, Array<{ values: readonly (string | number)[]; read: CachedRead }>>;
  size: number;
}

// Per datastore object: a dropped collection gets a new datastore, hence an empty cache.
const caches = new WeakMap<Datastore, ReadCache>();

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

/** The values of `{ $in: [...] }` when that is all the operator holds and the list is long and of strings or finite numbers. */
function longInList(condition: unknown): (string | number)[] | undefined {
  if (typeof condition !== 'object' || condition === null || Object.getPrototypeOf(condition) !== Object.prototype) return undefined;
  let list: unknown;
  for (const operator in condition) {
    if (operator !== '$in') return undefined;
    list = (condition as { $in: unknown }).$in;
  }
  if (!Array.isArray(list) || list.length < LIST_APART_FROM) return undefined;
  for (let i = 0; i < list.length; i++) {
    const value: unknown = list[i];
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) return undefined;
  }
  return list as (string | number)[];
}

/**
 * The cache key of a read, or null when it must not be cached (a filter holding anything but
 * plain JSON). Projections are not part of it: the cache holds documents before copying.
 */
export function readCacheKey(kind: 'find' | 'count', filter: Record<string, unknown>, options: FindOptions = {}): ReadCacheKey | null {
  const tail = [options.sort ?? null, options.skip ?? 0, options.limit ?? 0];
  for (const field in filter) {
    const values = longInList(filter[field]);
    if (!values) continue;
    const rest = { ...filter };
    delete rest[field];
    // The field's name has its own place in the text, so `{a: {$in: L}}` and `{b: {$in: L}}` differ.
    const parts = [kind, rest, field, ...tail];
    return isPlainJson(parts) ? { text: JSON.stringify(parts), values } : null;
  }
  const parts = [kind, filter, ...tail];
  return isPlainJson(parts) ? JSON.stringify(parts) : null;
}

function sameValues(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function cacheOf(datastore: Datastore): ReadCache {
  let cache = caches.get(datastore);
  if (!cache) {
    cache = { byText: new Map(), byList: new Map(), size: 0 };
    caches.set(datastore, cache);
  }
  return cache;
}

function clear(cache: ReadCache): void {
  cache.byText.clear();
  cache.byList.clear();
  cache.size = 0;
}

/**
 * The embedded store's read cache: the result of a read (which documents, in which order — or how
 * many) is kept until the next write to the collection, which forgets them all. Exact by
 * construction: every write goes through the collection's write path, which calls `forgetReads`.
 */
export function cachedRead<R extends CachedRead>(datastore: Datastore, key: ReadCacheKey | null, read: () => R): R {
  if (key === null) return read();
  const cache = cacheOf(datastore);
  if (typeof key === 'string') {
    const hit = cache.byText.get(key);
    if (hit !== undefined) return hit as R;
  } else {
    const hit = cache.byList.get(key.text)?.find((entry) => sameValues(entry.values, key.values));
    if (hit) return hit.read as R;
  }
  const value = read();
  if (cache.size >= MAX_ENTRIES) clear(cache);
  cache.size++;
  if (typeof key === 'string') cache.byText.set(key, value);
  else {
    // A copy: the caller's list is the filter it may reuse or change.
    const entry = { values: key.values.slice(), read: value };
    const entries = cache.byList.get(key.text);
    if (entries) entries.push(entry);
    else cache.byList.set(key.text, [entry]);
  }
  return value;
}

/** Drops every cached read of the datastore: called around each write. */
export function forgetReads(datastore: Datastore): void {
  const cache = caches.get(datastore);
  if (cache) clear(cache);
}
