/**
 * Freezes a document read from a store and every object and array in it, bottom up. Binary data
 * (a driver's `Buffer` or `Uint8Array`, which cannot be frozen) is left as it is.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) {
    for (const item of value) deepFreeze(item);
  } else {
    const record = value as Record<string, unknown>;
    for (const key in record) deepFreeze(record[key]);
  }
  return Object.freeze(value);
}

/** Whether a Date is anywhere in a document: `Object.freeze` does not stop a Date's `setTime`. */
export function holdsDate(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof Date) return true;
  if (Array.isArray(value)) return value.some(holdsDate);
  for (const key in value as Record<string, unknown>) if (holdsDate((value as Record<string, unknown>)[key])) return true;
  return false;
}
