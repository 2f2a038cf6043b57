import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store.js';
import type { DocumentStore, Filter, FindOptions } from '../../store/types.js';
import { restoreSnapshotFile, snapshotCollections } from './snapshot-collections.js';

describe('snapshotCollections', () => {
  let dir: string;
  let store: DocumentStore;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'a64-snapshot-'));
    store = await openStore({ dataDir: path.join(dir, 'data') });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const all = (name: string) => store.collection(name).find({}, { sort: { _id: 1 } });

  it('puts back exactly what was there (Dates included), reading and writing page by page', async () => {
    const entries = store.collection('entries');
    await entries.insertMany(Array.from({ length: 1234 }, (_, i) => ({ n: i, at: new Date(1_700_000_000_000 + i) })));
    await store.collection('module_migrations').insertMany([
      { module: 'ledger', id: 'one' },
      { module: 'other', id: 'kept' },
    ]);
    const before = { entries: await all('entries'), migrations: await all('module_migrations') };

    // Every read the snapshot makes is a bounded page.
    const reads: Array<FindOptions | undefined> = [];
    const spied = new Proxy(store, {
      get(target, property) {
        if (property !== 'collection') return Reflect.get(target, property);
        return (name: string) => {
          const collection = target.collection(name);
          return new Proxy(collection, {
            get(inner, method) {
              if (method === 'find')
                return (filter: Filter, options?: FindOptions) => {
                  reads.push(options);
                  return inner.find(filter, options);
                };
              const value = Reflect.get(inner, method);
              return typeof value === 'function' ? value.bind(inner) : value;
            },
          });
        };
      },
    });
    const snapshot = await snapshotCollections(
      spied,
      [{ collection: 'entries' }, { collection: 'module_migrations', filter: { module: 'ledger' } }],
      dir,
    );
    expect(reads.length).toBeGreaterThan(2);
    expect(reads.every((options) => typeof options?.limit === 'number' && options.limit <= 500)).toBe(true);

    await entries.deleteMany({ n: { $lt: 600 } });
    await entries.updateOne({ n: 1000 }, { $set: { n: -1 } });
    await entries.insertOne({ n: 99_999 });
    await store.collection('module_migrations').insertOne({ module: 'ledger', id: 'two' });
    await snapshot.restore();
    expect(await all('entries')).toEqual(before.entries);
    expect(await all('module_migrations')).toEqual(before.migrations);
  });

  it('restores from the file an interrupted operation left, and says false when there is none', async () => {
    await store.collection('entries').insertMany([{ n: 1 }, { n: 2 }]);
    const before = await all('entries');
    await snapshotCollections(store, [{ collection: 'entries' }], dir);
    await store.collection('entries').deleteMany({});
    expect(await restoreSnapshotFile(store, dir)).toBe(true);
    expect(await all('entries')).toEqual(before);
    expect(await restoreSnapshotFile(store, path.join(dir, 'nothing-here'))).toBe(false);
  });
});
