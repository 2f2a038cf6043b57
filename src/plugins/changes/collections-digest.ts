import { createHash } from 'node:crypto';
import type { DocumentStore } from '../../store/types.js';
import { canonicalJson } from '../audit/canonical-json.js';

/**
 * A sha256 over every document of `collections` (by collection, documents by `_id`, keys
 * sorted): equal digests mean no write changed the data in between. Used by rollback to know
 * whether data was written since the upgrade.
 */
export async function collectionsDigest(store: DocumentStore, collections: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const name of [...collections].sort()) {
    const documents = await store.collection(name).find({}, { sort: { _id: 1 } });
    hash.update(`${name}\n`);
    for (const document of documents) hash.update(`${canonicalJson(document)}\n`);
  }
  return hash.digest('hex');
}
