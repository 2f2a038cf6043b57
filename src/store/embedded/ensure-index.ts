import { type Datastore, nedbIndexes } from './nedb.js';

/** What an index enforces. */
export interface IndexOptions {
  unique: boolean;
  sparse: boolean;
}

/**
 * Makes sure `fields` have an index with exactly these options. nedb's own ensureIndex ignores a
 * call for fields that already have an index, so an index made unique in a later version would
 * silently stay non-unique; here it is replaced — and the old one restored if the new one cannot
 * be built (existing duplicates), in which case the DuplicateKey error is rethrown.
 */
export async function ensureIndex(datastore: Datastore, fields: string[], options: IndexOptions): Promise<void> {
  const key = [...fields].sort().join(',');
  // `_id` is always unique; its index is nedb's own and must never be dropped.
  if (key === '_id') return;
  const existing = nedbIndexes(datastore)[key];
  if (existing && existing.unique === options.unique && existing.sparse === options.sparse) return;
  const fieldName = fields.length === 1 ? (fields[0] as string) : fields;
  if (existing) await datastore.removeIndexAsync(key);
  try {
    await datastore.ensureIndexAsync({ fieldName, ...options });
  } catch (error) {
    if (existing) await datastore.ensureIndexAsync({ fieldName, unique: existing.unique, sparse: existing.sparse });
    throw error;
  }
}
