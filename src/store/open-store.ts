import { openEmbeddedStore } from './embedded/embedded-store.js';
import type { DocumentStore } from './types.js';

/** Where the platform keeps its documents (from `Config`: DATA_DIR, MONGODB_URL, MONGODB_DB). */
export interface OpenStoreOptions {
  dataDir: string;
  /** When set, MongoDB is used; otherwise the embedded store in `<dataDir>/store/`. */
  mongodbUrl?: string;
  mongodbDb?: string;
}

/**
 * Opens the document store: MongoDB when `mongodbUrl` is set, else the embedded (nedb) store.
 * The embedded store locks its DATA_DIR (StoreLockedError when another process uses it).
 * The MongoDB adapter (and the driver, ~130 ms to load) is imported only when it is used.
 *
 * @example const store = await openStore({ dataDir: config.dataDir, mongodbUrl: config.mongodbUrl, mongodbDb: config.mongodbDb });
 */
export async function openStore(options: OpenStoreOptions): Promise<DocumentStore> {
  if (options.mongodbUrl) {
    const { openMongoStore } = await import('./mongo/mongo-store.js');
    return openMongoStore({ url: options.mongodbUrl, dbName: options.mongodbDb });
  }
  return openEmbeddedStore({ dataDir: options.dataDir });
}
