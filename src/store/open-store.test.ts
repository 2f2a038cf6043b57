import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';

describe('openStore', () => {
  it('opens the embedded store in DATA_DIR when no MongoDB URL is given', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'a64-open-store-'));
    try {
      const store = await openStore({ dataDir });
      const items = store.collection('items');
      await items.insertOne({ name: 'north' });
      expect(await items.find({}, { projection: { _id: 0 } })).toEqual([{ name: 'north' }]);
      await store.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  // The MongoDB adapter is imported only on this path: a refused connection still surfaces as the
  // driver's error (after the adapter's own 10 s server selection timeout, which overrides the URL's).
  it('loads the MongoDB adapter for a MongoDB URL, and refuses an unreachable server with the driver’s error', async () => {
    await expect(openStore({ dataDir: tmpdir(), mongodbUrl: 'mongodb://127.0.0.1:1' })).rejects.toThrow(
      /ECONNREFUSED|Server selection timed out/,
    );
  });
});
