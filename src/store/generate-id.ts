import { randomUUID } from 'node:crypto';

/**
 * Generates a document `_id`. Both adapters use it, so ids look the same on either backend and
 * nothing above the store ever sees a driver-specific id (ObjectId, nedb's 16-char ids).
 */
export function generateId(): string {
  return randomUUID();
}
