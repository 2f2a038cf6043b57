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
