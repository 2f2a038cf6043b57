import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvalidStoreRequestError, StoreClosedError } from '../store-errors.js';
import type { Update } from '../types.js';
import { openEmbeddedStore } from './embedded-store.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'a64-embedded-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const datafile = (name: string) => path.join(dataDir, 'store', `${name}.db`);

/** Lines holding documents (nedb also writes one line per index definition). */
async function documentLines(name: string): Promise<number> {
  const text = await readFile(datafile(name), 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '' && !line.includes('$$indexCreated')).length;
}

async function churn(store: Awaited<ReturnType<typeof openEmbeddedStore>>, times: number): Promise<void> {
  const counters = store.collection('counters');
  await counters.createIndex({ fields: { key: 1 }, unique: true });
  await counters.insertOne({ _id: 'c', key: 'c', value: 0 });
  for (let i = 0; i < times; i += 1) await counters.updateOne({ _id: 'c' }, { $inc: { value: 1 } });
}

describe('embedded store files', () => {
  it('keeps one datafile per collection under <dataDir>/store and deletes it on drop', async () => {
    const store = await openEmbeddedStore({ dataDir });
    await store.collection('farm_manager.fields').insertOne({ name: 'north' });
    expect(existsSync(datafile('farm_manager.fields'))).toBe(true);
    await store.dropCollection('farm_manager.fields');
    expect(existsSync(datafile('farm_manager.fields'))).toBe(false);
    await store.close();
  });

  it('compacts datafiles on close (the append-only log shrinks to one line per document)', async () => {
    const store = await openEmbeddedStore({ dataDir });
    await churn(store, 30);
    expect(await documentLines('counters')).toBeGreaterThan(30);
    await store.close();
    expect(await documentLines('counters')).toBe(1);

    const reopened = await openEmbeddedStore({ dataDir });
    expect(await reopened.collection('counters').findOne({ _id: 'c' })).toEqual({ _id: 'c', key: 'c', value: 30 });
    await expect(reopened.collection('counters').insertOne({ key: 'c' })).rejects.toThrow(/Duplicate value/);
    await reopened.close();
  });

  it('compacts datafiles periodically while open', async () => {
    const store = await openEmbeddedStore({ dataDir, compactionIntervalMs: 20 });
    await churn(store, 30);
    await vi.waitFor(async () => expect(await documentLines('counters')).toBe(1), { timeout: 10_000, interval: 20 });
    await store.close();
  });
});

describe('embedded store misuse', () => {
  it('refuses operations after close with StoreClosedError; close is idempotent', async () => {
    const store = await openEmbeddedStore({ dataDir });
    const items = store.collection('items');
    await items.insertOne({ n: 1 });
    await store.close();
    await store.close();
    await expect(items.find({})).rejects.toBeInstanceOf(StoreClosedError);
    await expect(items.insertOne({ n: 2 })).rejects.toBeInstanceOf(StoreClosedError);
    await expect(store.listCollections()).rejects.toBeInstanceOf(StoreClosedError);
  });

  it('rejects replacement documents and unknown operators instead of silently rewriting data', async () => {
    const store = await openEmbeddedStore({ dataDir });
    const items = store.collection('items');
    const { _id } = await items.insertOne({ name: 'keep', n: 1 });
    await expect(items.updateOne({ _id }, { name: 'replaced' } as unknown as Update)).rejects.toBeInstanceOf(InvalidStoreRequestError);
    await expect(items.updateOne({ _id }, { $rename: { n: 'm' } } as unknown as Update)).rejects.toThrow(
      /Unsupported update operator \$rename/,
    );
    await expect(items.find({ n: { $near: 1 } })).rejects.toThrow(/Unsupported query operator \$near/);
    await expect(items.find({ $where: 'true' })).rejects.toBeInstanceOf(InvalidStoreRequestError);
    expect(await items.findOne({ _id })).toEqual({ _id, name: 'keep', n: 1 });
    await store.close();
  });
});
