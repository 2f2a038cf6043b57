import { MongoServerError } from 'mongodb';
import { DuplicateKeyError } from '../store-errors.js';

const DUPLICATE_KEY = 11000;

/** Turns MongoDB's E11000 (also inside bulk-write errors) into DuplicateKeyError; other errors pass through. */
export function mapMongoError(error: unknown, collection: string): unknown {
  // MongoBulkWriteError (insertMany) extends MongoServerError and carries the code too.
  if (!(error instanceof MongoServerError) || error.code !== DUPLICATE_KEY) return error;
  const pattern = (error.keyPattern ?? error.errorResponse?.keyPattern ?? {}) as Record<string, unknown>;
  return new DuplicateKeyError(collection, Object.keys(pattern), { cause: error });
}
