import { DuplicateKeyError } from '../store-errors.js';
import { type Datastore, type NedbIndex, nedbIndexes } from './nedb.js';

interface UniqueViolation extends Error {
  errorType: 'uniqueViolated';
  key: unknown;
}

function isUniqueViolation(error: unknown): error is UniqueViolation {
  return error instanceof Error && (error as Partial<UniqueViolation>).errorType === 'uniqueViolated';
}

/**
 * Turns nedb's `uniqueViolated` into DuplicateKeyError naming the index fields; other errors pass
 * through unchanged. nedb does not say which index failed, so we look for the unique index that
 * already holds the offending key (all unique indexes when none does, e.g. a duplicate inside one insertMany).
 */
export function mapNedbError(error: unknown, collection: string, datastore: Datastore): unknown {
  if (!isUniqueViolation(error)) return error;
  const indexes = Object.values(nedbIndexes(datastore)).filter((index) => index.unique);
  const holder = indexes.find((index) => safeMatches(index, error.key));
  const fieldNames = holder ? [holder.fieldName] : indexes.map((index) => index.fieldName);
  return new DuplicateKeyError(
    collection,
    fieldNames.flatMap((name) => name.split(',')),
    { cause: error },
  );
}

function safeMatches(index: NedbIndex, key: unknown): boolean {
  try {
    return index.getMatching(key).length > 0;
  } catch {
    // A key of another shape (e.g. compound vs single) cannot be in this index.
    return false;
  }
}
