import { InvalidStoreRequestError } from './store-errors.js';

// Safe as a file name on every OS (embedded store) and as a MongoDB collection name:
// no path separators, no `$`, no leading dot, no `system.` prefix.
const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,119}$/;

/**
 * Throws InvalidStoreRequestError unless `name` is a valid collection name:
 * a letter or `_`, then letters, digits, `_`, `.` or `-` (at most 120 characters), no `..`,
 * not starting with `system.`.
 */
export function assertCollectionName(name: string): void {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name) || name.includes('..') || name.startsWith('system.')) {
    throw new InvalidStoreRequestError(
      `Invalid collection name ${JSON.stringify(name)}: use a letter or "_" followed by letters, digits, "_", "." or "-" (at most 120 characters).`,
    );
  }
}
