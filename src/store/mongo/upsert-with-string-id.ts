import type { UpdateFilter } from 'mongodb';
import { generateId } from '../generate-id.js';
import type { Filter, StoredDocument, Update } from '../types.js';

/**
 * On upsert, MongoDB would generate an ObjectId `_id`; give it a string one instead via
 * `$setOnInsert` (unless the filter or the caller already pins `_id`: setting it twice is an error).
 */
export function upsertWithStringId(filter: Filter, update: Update, upsert: boolean | undefined): UpdateFilter<StoredDocument> {
  if (!upsert || '_id' in filter || update.$setOnInsert?._id !== undefined || update.$set?._id !== undefined) {
    return update as UpdateFilter<StoredDocument>;
  }
  return { ...update, $setOnInsert: { _id: generateId(), ...update.$setOnInsert } } as UpdateFilter<StoredDocument>;
}
