import { MongoBulkWriteError, MongoServerError } from 'mongodb';
import { DuplicateKeyError } from '../store-errors.js';

const DUPLICATE_KEY = 11000;

/** Turns MongoDB's E11000 (also inside bulk-write errors) into DuplicateKeyError; other errors pass through. */
export function mapMongoError(error: unknown, collection: string): unknown {
  // MongoBulkWriteError (insertMany) extends MongoServerError and carries the code too.
  if (!(error instanceof MongoServerError) || error.code !== DUPLICATE_KEY) return error;
  return new DuplicateKeyError(collection, Object.keys(keyPattern(error)), { cause: error });
}

/** The violated index's key pattern: on the error itself, or on the first write error of a bulk write. */
function keyPattern(error: MongoServerError): Record<string, unknown> {
  if (error.keyPattern) return error.keyPattern;
  if (error instanceof MongoBulkWriteError) {
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    const first = writeErrors[0]?.err as { keyPattern?: Record<string, unknown> } | undefined;
    if (first?.keyPattern) return first.keyPattern;
  }
  return {};
}
