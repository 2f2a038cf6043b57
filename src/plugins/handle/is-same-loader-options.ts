import type { ModuleLoaderOptions } from '../../sdk/types.js';

/**
 * Plain values alike: primitives, arrays, Dates (by time), RegExps (by source and flags) and
 * plain objects with the same keys, in any order (keys holding `undefined` count as absent).
 * Any other object only when it is the same one. No allocation: it runs once per resolved parent.
 */
function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!isSameValue(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof RegExp || b instanceof RegExp) return a instanceof RegExp && b instanceof RegExp && String(a) === String(b);
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let keys = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    keys++;
    if (!Object.hasOwn(right, key) || !isSameValue(left[key], right[key])) return false;
  }
  for (const key in right) if (right[key] !== undefined) keys--;
  return keys === 0;
}

/** Sort specs alike: the same fields with the same directions, in the same order (the order is the sort). */
function isSameSort(a: ModuleLoaderOptions['sort'], b: ModuleLoaderOptions['sort']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const left = Object.keys(a);
  const right = Object.keys(b);
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) if (left[i] !== right[i] || a[left[i]!] !== b[right[i]!]) return false;
  return true;
}

/**
 * Whether two `loader` options ask for the same reads (filter, sort, limit, projection — the
 * only options a loader reads). A false "different" merely costs a second loader, never a wrong
 * answer; two different filters are never taken for one (JSON text would: every RegExp is `{}`).
 *
 * @example isSameLoaderOptions({ sort: { createdAt: 1, _id: 1 } }, { sort: { createdAt: 1, _id: 1 } }) // true
 */
export function isSameLoaderOptions(a: ModuleLoaderOptions, b: ModuleLoaderOptions): boolean {
  return a.limit === b.limit && isSameSort(a.sort, b.sort) && isSameValue(a.filter, b.filter) && isSameValue(a.projection, b.projection);
}
