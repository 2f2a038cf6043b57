import { type Db, MongoClient } from 'mongodb';
import { assertCollectionName } from '../assert-collection-name.js';
import type { Collection, DocumentStore, StoredDocument } from '../types.js';
import { MongoCollection } from './mongo-collection.js';

/** Options of the MongoDB store. */
export interface MongoStoreOptions {
  /** `mongodb://…` or `mongodb+srv://…` (MONGODB_URL). */
  url: string;
  /** Database name (MONGODB_DB); default: the one in the URL, else `a64`. */
  dbName?: string;
}

/**
 * Connects to MongoDB and returns a store over one database. Connection failures reject here,
 * at start-up, rather than on the first query.
 *
 * @example const store = await openMongoStore({ url: 'mongodb://127.0.0.1:27017', dbName: 'a64' });
 */
export async function openMongoStore(options: MongoStoreOptions): Promise<DocumentStore> {
  const client = new MongoClient(options.url, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  const urlDb = client.options.dbName;
  // The driver falls back to "test" when the URL names no database; we prefer our own default.
  const dbName = options.dbName ?? (urlDb && urlDb !== 'test' ? urlDb : 'a64');
  return new MongoStore(client, client.db(dbName));
}

class MongoStore implements DocumentStore {
  readonly kind = 'mongodb' as const;

  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  collection<T extends StoredDocument = StoredDocument>(name: string): Collection<T> {
    assertCollectionName(name);
    return new MongoCollection<T>(name, this.db.collection<StoredDocument>(name));
  }

  async listCollections(): Promise<string[]> {
    const collections = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return collections
      .map((collection) => collection.name)
      .filter((name) => !name.startsWith('system.'))
      .sort();
  }

  async dropCollection(name: string): Promise<void> {
    assertCollectionName(name);
    // Recent drivers resolve false for a missing collection; older servers answer NamespaceNotFound (26).
    try {
      await this.db.dropCollection(name);
    } catch (error) {
      if ((error as { code?: number }).code !== 26) throw error;
    }
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
