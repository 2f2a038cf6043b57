/**
 * A deep, frozen copy of plain data (objects, arrays, dates, primitives). Modules receive the
 * caller's identity this way: what they change cannot reach the platform's own copy, and
 * changing it at all throws in strict-mode code.
 */
export function frozenCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const copy = structuredClone(value);
  return deepFreeze(copy);
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  return Object.freeze(value);
}
