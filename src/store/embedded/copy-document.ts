/**
 * A deep copy of a value read from nedb's memory: plain objects, arrays, Dates and primitives
 * (all nedb keeps). Each object is first cloned with a spread, which V8 does in one step for
 * objects of the same shape, and only its object-valued fields are copied further; nedb's
 * `model.deepCopy` visits every key with `for…in` and was the largest item of a list request.
 * Dates are copied too, so a caller's `setTime` cannot reach the store's copy either.
 *
 * @example const mine = copyDocument(stored); mine.location.lat = 0; // stored is unchanged
 */
export function copyDocument<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(copyDocument) as T;
  const copy = { ...value } as Record<string, unknown>;
  for (const key in copy) {
    const field = copy[key];
    if (typeof field === 'object' && field !== null) copy[key] = copyDocument(field);
  }
  return copy as T;
}
