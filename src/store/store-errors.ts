/** A unique index was violated. Adapters map nedb's `uniqueViolated` and MongoDB's E11000 to this. */
export class DuplicateKeyError extends Error {
  override name = 'DuplicateKeyError';
  constructor(
    readonly collection: string,
    readonly fields: string[],
    options?: { cause?: unknown },
  ) {
    super(`Duplicate value for unique field(s) ${fields.join(', ')} in "${collection}"`, options);
  }
}

/** Another process holds the embedded store of this DATA_DIR. */
export class StoreLockedError extends Error {
  override name = 'StoreLockedError';
}

export function isDuplicateKeyError(error: unknown): error is DuplicateKeyError {
  return error instanceof DuplicateKeyError;
}

/**
 * The caller asked the store for something it does not support or that is malformed: a bad
 * collection name, an unknown query/update operator, a replacement document instead of operators.
 * This is a programming error in the caller, not bad data.
 */
export class InvalidStoreRequestError extends Error {
  override name = 'InvalidStoreRequestError';
}

/** An operation was attempted on a store after `close()`. */
export class StoreClosedError extends Error {
  override name = 'StoreClosedError';
  constructor() {
    super('The document store is closed; open it again with openStore() before using it.');
  }
}
