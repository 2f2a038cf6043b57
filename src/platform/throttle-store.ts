import type { ThrottleStore } from '../auth/index.js';
import type { Config } from '../config/index.js';

/**
 * Sign-in counters in memory, or in MongoDB when MONGODB_URL is set so that every instance
 * sharing the store sees the same failures. The client is closed by the returned stopper.
 */
export async function throttleStore(config: Config, stoppers: Array<() => Promise<void>>): Promise<ThrottleStore> {
  if (!config.mongodbUrl) return { kind: 'memory' };
  const { MongoClient } = await import('mongodb');
  const client = new MongoClient(config.mongodbUrl, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  stoppers.unshift(() => client.close());
  return { kind: 'mongo', client, dbName: config.mongodbDb };
}
