/**
 * The DocumentStore contract, run against every adapter: the embedded store always, MongoDB when
 * MONGODB_URL is set (e.g. `MONGODB_URL=mongodb://127.0.0.1:27017 npx vitest run src/store`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from './embedded/embedded-store.js';
import { openMongoStore } from './mongo/mongo-store.js';
import { DuplicateKeyError, InvalidStoreRequestError } from './store-errors.js';
import type { Collection, DocumentStore, StoredDocument } from './types.js';

/** One backend the suite runs against: a fresh location per test, reopenable. */
interface ContractBackend {
  prepare(): Promise<void>;
  /** Opens the store at the current location; again after close() reopens the same data. */
  open(): Promise<DocumentStore>;
  cleanup(): Promise<void>;
}

function embeddedBackend(): ContractBackend {
  let dataDir = '';
  return {
    async prepare() {
      dataDir = await mkdtemp(path.join(tmpdir(), 'a64-store-'));
    },
    open: () => openEmbeddedStore({ dataDir }),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}

function mongoBackend(url: string): ContractBackend {
  const run = `${process.pid}_${Date.now().toString(36)}`;
  let counter = 0;
  let dbName = '';
  return {
    async prepare() {
      counter += 1;
      dbName = `a64_contract_${run}_${counter}`;
    },
    open: () => openMongoStore({ url, dbName }),
    async cleanup() {
      const client = await new MongoClient(url).connect();
      try {
        await client.db(dbName).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}

interface Item extends StoredDocument {
  name?: string;
  n?: number;
  tags?: string[];
  at?: Date;
  [field: string]: unknown;
}

const mongoUrl = process.env.MONGODB_URL;
if (!mongoUrl) {
  console.warn('store contract: MONGODB_URL is not set — the MongoDB adapter is NOT tested in this run (only the embedded one).');
}

describe('store contract: embedded (nedb)', () => defineContract(embeddedBackend()));

describe.skipIf(!mongoUrl)(mongoUrl ? 'store contract: mongodb' : 'store contract: mongodb — SKIPPED because MONGODB_URL is not set', () =>
  defineContract(mongoBackend(mongoUrl ?? '')),
);

function defineContract(backend: ContractBackend): void {
  let store: DocumentStore;
  let items: Collection<Item>;

  beforeEach(async () => {
    await backend.prepare();
    store = await backend.open();
    items = store.collection<Item>('items');
  });

  afterEach(async () => {
    await store.close();
    await backend.cleanup();
  });

  async function reopen(): Promise<void> {
    await store.close();
    store = await backend.open();
    items = store.collection<Item>('items');
  }

  async function names(filter: Record<string, unknown>): Promise<string[]> {
    return (await items.find(filter, { sort: { name: 1 } })).map((doc) => doc.name as string);
  }

  describe('CRUD', () => {
    it('inserts with a generated string _id, finds, updates and deletes', async () => {
      const inserted = await items.insertOne({ name: 'a', n: 1 });
      expect(typeof inserted._id).toBe('string');
      expect(inserted._id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await items.findOne({ _id: inserted._id })).toEqual({ _id: inserted._id, name: 'a', n: 1 });

      const result = await items.updateOne({ _id: inserted._id }, { $set: { n: 2 } });
      expect(result).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
      expect((await items.findOne({ name: 'a' }))?.n).toBe(2);

      expect(await items.deleteOne({ _id: inserted._id })).toEqual({ deletedCount: 1 });
      expect(await items.findOne({ _id: inserted._id })).toBeNull();
      expect(await items.deleteOne({ _id: inserted._id })).toEqual({ deletedCount: 0 });
    });

    it('keeps a caller-chosen _id and inserts many', async () => {
      const doc = await items.insertOne({ _id: 'fixed-id', name: 'x' });
      expect(doc._id).toBe('fixed-id');
      const many = await items.insertMany([{ name: 'b' }, { name: 'c' }]);
      expect(many.map((d) => d.name)).toEqual(['b', 'c']);
      expect(new Set(many.map((d) => d._id)).size).toBe(2);
      expect(await items.countDocuments()).toBe(3);
      expect(await items.insertMany([])).toEqual([]);
    });

    it('returns fresh copies: mutating results or inputs does not change stored data', async () => {
      const input = { name: 'a', tags: ['x'], nested: { deep: 1 } };
      const inserted = await items.insertOne(input);
      input.tags.push('mutated-input');
      inserted.tags?.push('mutated-result');
      const found = await items.findOne({ _id: inserted._id });
      (found?.nested as { deep: number }).deep = 99;
      found?.tags?.push('mutated-find');
      expect(await items.findOne({ _id: inserted._id })).toEqual({ _id: inserted._id, name: 'a', tags: ['x'], nested: { deep: 1 } });
    });

    it('readOnly reads hand back frozen documents that no change reaches the store through, and see later writes', async () => {
      const at = new Date('2026-01-01T00:00:00.000Z');
      const inserted = await items.insertOne({ name: 'a', n: 1, tags: ['x'], nested: { deep: 1 }, at: new Date(at) });
      const stored = { _id: inserted._id, name: 'a', n: 1, tags: ['x'], nested: { deep: 1 }, at };
      const [shared] = await items.find({}, { readOnly: true });
      expect(shared).toEqual(stored);
      expect(Object.isFrozen(shared)).toBe(true);
      expect(Object.isFrozen(shared?.tags)).toBe(true);
      expect(Object.isFrozen(shared?.nested)).toBe(true);
      expect(() => {
        (shared as Item).name = 'changed';
      }).toThrow(TypeError);
      expect(() => shared?.tags?.push('changed')).toThrow(TypeError);
      // Freezing cannot stop a Date's setTime: the store's own stays as it was.
      shared?.at?.setTime(0);
      expect(await items.findOne({}, { readOnly: true })).toEqual(stored);
      // Every other read still hands out the caller's own copy.
      const mine = await items.findOne({ _id: inserted._id });
      expect(Object.isFrozen(mine)).toBe(false);
      mine?.tags?.push('mine');
      expect(await items.findOne({ _id: inserted._id })).toEqual(stored);

      // Writes to a document already handed out frozen.
      await items.updateOne({ _id: inserted._id }, { $set: { 'nested.deep': 2 }, $push: { tags: 'y' }, $inc: { n: 1 } });
      expect(await items.find({}, { readOnly: true })).toEqual([{ ...stored, n: 2, tags: ['x', 'y'], nested: { deep: 2 } }]);
      await items.updateMany({}, { $unset: { at: '' } });
      expect(await items.findOneAndUpdate({ _id: inserted._id }, { $set: { name: 'b' } })).toEqual({
        _id: inserted._id,
        name: 'b',
        n: 2,
        tags: ['x', 'y'],
        nested: { deep: 2 },
      });
      const projected = await items.find({}, { readOnly: true, projection: { nested: 1 } });
      expect(projected).toEqual([{ _id: inserted._id, nested: { deep: 2 } }]);
      expect(Object.isFrozen(projected[0]?.nested)).toBe(true);
      await reopen();
      expect(await items.find({ name: 'b' }, { readOnly: true })).toHaveLength(1);
      expect(await items.deleteOne({ _id: inserted._id })).toEqual({ deletedCount: 1 });
      expect(await items.find({}, { readOnly: true })).toEqual([]);
    });

    it('updateMany and deleteMany report counts', async () => {
      await items.insertMany([
        { name: 'a', n: 1 },
        { name: 'b', n: 1 },
        { name: 'c', n: 2 },
      ]);
      expect(await items.updateMany({ n: 1 }, { $set: { flag: true } })).toEqual({ matchedCount: 2, modifiedCount: 2, upsertedId: null });
      expect(await items.updateMany({ n: 1 }, { $set: { flag: true } })).toEqual({ matchedCount: 2, modifiedCount: 0, upsertedId: null });
      expect(await items.updateMany({ n: 42 }, { $set: { flag: true } })).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: null });
      expect(await items.deleteMany({ flag: true })).toEqual({ deletedCount: 2 });
      expect(await names({})).toEqual(['c']);
    });

    it('counts documents matching a filter', async () => {
      await items.insertMany([{ n: 1 }, { n: 2 }, { n: 3 }]);
      expect(await items.countDocuments()).toBe(3);
      expect(await items.countDocuments({ n: { $gte: 2 } })).toBe(2);
      expect(await items.countDocuments({ n: 9 })).toBe(0);
    });
  });

  describe('filters', () => {
    beforeEach(async () => {
      await items.insertMany([
        { name: 'alpha', n: 1, tags: ['x', 'y'], at: new Date('2024-01-01T00:00:00Z'), meta: { level: 1 } },
        { name: 'beta', n: 2, tags: ['y'], at: new Date('2024-06-01T00:00:00Z'), meta: { level: 2 }, gone: null },
        { name: 'gamma', n: 3, tags: [], at: new Date('2025-01-01T00:00:00Z'), meta: { level: 3 } },
      ]);
    });

    it('matches equality, array membership, dotted paths and $eq', async () => {
      expect(await names({ n: 2 })).toEqual(['beta']);
      expect(await names({ tags: 'y' })).toEqual(['alpha', 'beta']);
      expect(await names({ 'meta.level': 3 })).toEqual(['gamma']);
      expect(await names({ n: { $eq: 1 } })).toEqual(['alpha']);
      expect(await names({ 'meta.level': { $eq: 2 } })).toEqual(['beta']);
    });

    it('compares with $gt $gte $lt $lte on numbers and Dates', async () => {
      expect(await names({ n: { $gt: 1 } })).toEqual(['beta', 'gamma']);
      expect(await names({ n: { $gte: 2, $lt: 3 } })).toEqual(['beta']);
      expect(await names({ n: { $lte: 2 } })).toEqual(['alpha', 'beta']);
      expect(await names({ at: { $gte: new Date('2024-06-01T00:00:00Z') } })).toEqual(['beta', 'gamma']);
      expect(await names({ at: { $lt: new Date('2024-02-01T00:00:00Z') } })).toEqual(['alpha']);
    });

    it('handles $ne and $nin like MongoDB (no array element may match)', async () => {
      expect(await names({ n: { $ne: 2 } })).toEqual(['alpha', 'gamma']);
      expect(await names({ tags: { $ne: 'x' } })).toEqual(['beta', 'gamma']);
      expect(await names({ n: { $nin: [1, 3] } })).toEqual(['beta']);
      expect(await names({ tags: { $nin: ['y'] } })).toEqual(['gamma']);
    });

    it('matches $in, including arrays', async () => {
      expect(await names({ n: { $in: [1, 3, 7] } })).toEqual(['alpha', 'gamma']);
      expect(await names({ tags: { $in: ['x'] } })).toEqual(['alpha']);
      expect(await names({ n: { $in: [] } })).toEqual([]);
    });

    it('matches $exists and null like MongoDB (null also matches a missing field)', async () => {
      expect(await names({ gone: { $exists: true } })).toEqual(['beta']);
      expect(await names({ gone: { $exists: false } })).toEqual(['alpha', 'gamma']);
      expect(await names({ gone: null })).toEqual(['alpha', 'beta', 'gamma']);
      expect(await names({ nothing: null })).toEqual(['alpha', 'beta', 'gamma']);
      expect(await names({ gone: { $ne: null } })).toEqual([]);
    });

    it('matches $regex as a RegExp or a string with $options', async () => {
      expect(await names({ name: /^a/ })).toEqual(['alpha']);
      expect(await names({ name: { $regex: /MM/i } })).toEqual(['gamma']);
      expect(await names({ name: { $regex: '^B', $options: 'i' } })).toEqual(['beta']);
    });

    it('combines with $or, $and and field-level $not', async () => {
      expect(await names({ $or: [{ n: 1 }, { name: 'gamma' }] })).toEqual(['alpha', 'gamma']);
      expect(await names({ $and: [{ n: { $gt: 1 } }, { tags: 'y' }] })).toEqual(['beta']);
      expect(await names({ n: { $not: { $gt: 1 } } })).toEqual(['alpha']);
      expect(await names({ name: { $not: /a$/ } })).toEqual([]);
      expect(await names({ $or: [{ n: { $not: { $gte: 2 } } }, { 'meta.level': 3 }] })).toEqual(['alpha', 'gamma']);
    });
  });

  describe('find options', () => {
    beforeEach(async () => {
      await items.insertMany([
        { name: 'd', group: 2, n: 1 },
        { name: 'a', group: 1, n: 2 },
        { name: 'c', group: 2, n: 3 },
        { name: 'b', group: 1, n: 4 },
        { name: 'e', group: 3, n: 5 },
      ]);
    });

    it('sorts by several keys, skips and limits', async () => {
      const sorted = await items.find({}, { sort: { group: -1, name: 1 } });
      expect(sorted.map((d) => d.name)).toEqual(['e', 'c', 'd', 'a', 'b']);
      const page = await items.find({}, { sort: { n: 1 }, skip: 1, limit: 2 });
      expect(page.map((d) => d.name)).toEqual(['a', 'c']);
      expect((await items.findOne({ group: 2 }, { sort: { n: -1 } }))?.name).toBe('c');
    });

    it('projects with inclusion and exclusion', async () => {
      const [included] = await items.find({ name: 'a' }, { projection: { name: 1 } });
      expect(Object.keys(included ?? {}).sort()).toEqual(['_id', 'name']);
      const [withoutId] = await items.find({ name: 'a' }, { projection: { name: 1, _id: 0 } });
      expect(withoutId).toEqual({ name: 'a' });
      const excluded = await items.findOne({ name: 'a' }, { projection: { group: 0, n: 0 } });
      expect(Object.keys(excluded ?? {}).sort()).toEqual(['_id', 'name']);
    });
  });

  describe('update operators', () => {
    let id: string;
    beforeEach(async () => {
      ({ _id: id } = await items.insertOne({ name: 'doc', n: 1, tags: ['a', 'b'], scores: [1, 5, 9], nested: { keep: true } }));
    });
    const current = async () => items.findOne({ _id: id });

    it('$set (also dotted paths) and $unset', async () => {
      await items.updateOne({ _id: id }, { $set: { name: 'renamed', 'nested.added': 2 }, $unset: { n: '' } });
      expect(await current()).toEqual({ _id: id, name: 'renamed', tags: ['a', 'b'], scores: [1, 5, 9], nested: { keep: true, added: 2 } });
    });

    it('$inc on existing and missing fields', async () => {
      await items.updateOne({ _id: id }, { $inc: { n: 5, fresh: -2 } });
      const doc = await current();
      expect(doc?.n).toBe(6);
      expect(doc?.fresh).toBe(-2);
    });

    it('$push (with $each) and $addToSet (no duplicates)', async () => {
      await items.updateOne({ _id: id }, { $push: { tags: 'c' } });
      await items.updateOne({ _id: id }, { $push: { tags: { $each: ['d', 'a'] } } });
      expect((await current())?.tags).toEqual(['a', 'b', 'c', 'd', 'a']);
      const noop = await items.updateOne({ _id: id }, { $addToSet: { tags: 'b' } });
      expect(noop.modifiedCount).toBe(0);
      await items.updateOne({ _id: id }, { $addToSet: { tags: 'z', other: 'new' } });
      const doc = await current();
      expect(doc?.tags).toEqual(['a', 'b', 'c', 'd', 'a', 'z']);
      expect(doc?.other).toEqual(['new']);
    });

    it('$pull by value and by condition', async () => {
      await items.updateOne({ _id: id }, { $pull: { tags: 'a', scores: { $gte: 5 } } });
      const doc = await current();
      expect(doc?.tags).toEqual(['b']);
      expect(doc?.scores).toEqual([1]);
    });

    it('reports modifiedCount 0 when nothing changes and matchedCount 0 without a match', async () => {
      expect(await items.updateOne({ _id: id }, { $set: { n: 1 } })).toEqual({ matchedCount: 1, modifiedCount: 0, upsertedId: null });
      expect(await items.updateOne({ _id: 'nope' }, { $set: { n: 1 } })).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: null });
      expect(await items.countDocuments()).toBe(1);
    });

    it('upserts from the filter equalities, applying $setOnInsert only when inserting', async () => {
      const created = await items.updateOne(
        { name: 'new', kind: { $eq: 'k' } },
        { $set: { n: 10 }, $setOnInsert: { createdBy: 'upsert' } },
        { upsert: true },
      );
      expect(created.matchedCount).toBe(0);
      expect(typeof created.upsertedId).toBe('string');
      const inserted = await items.findOne({ _id: created.upsertedId as string });
      expect(inserted).toEqual({ _id: created.upsertedId, name: 'new', kind: 'k', n: 10, createdBy: 'upsert' });

      const matched = await items.updateOne({ name: 'new' }, { $set: { n: 11 }, $setOnInsert: { createdBy: 'again' } }, { upsert: true });
      expect(matched).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
      expect(await items.findOne({ name: 'new' })).toMatchObject({ n: 11, createdBy: 'upsert' });
      expect(await items.countDocuments()).toBe(2);
    });
  });

  describe('findOneAndUpdate', () => {
    it('returns the document after (default) or before the update', async () => {
      await items.insertOne({ name: 'counter', n: 1 });
      expect((await items.findOneAndUpdate({ name: 'counter' }, { $inc: { n: 1 } }))?.n).toBe(2);
      expect((await items.findOneAndUpdate({ name: 'counter' }, { $inc: { n: 1 } }, { returnDocument: 'before' }))?.n).toBe(2);
      expect((await items.findOneAndUpdate({ name: 'counter' }, { $inc: { n: 1 } }, { returnDocument: 'after' }))?.n).toBe(4);
      expect(await items.findOneAndUpdate({ name: 'missing' }, { $inc: { n: 1 } })).toBeNull();
    });

    it('upserts, returning the new document (after) or null (before)', async () => {
      const after = await items.findOneAndUpdate({ name: 'seq' }, { $inc: { n: 1 }, $setOnInsert: { born: true } }, { upsert: true });
      expect(after).toMatchObject({ name: 'seq', n: 1, born: true });
      expect(typeof after?._id).toBe('string');
      const before = await items.findOneAndUpdate({ name: 'other' }, { $inc: { n: 1 } }, { upsert: true, returnDocument: 'before' });
      expect(before).toBeNull();
      expect(await items.countDocuments()).toBe(2);
    });
  });

  describe('unique indexes', () => {
    beforeEach(async () => {
      await items.createIndex({ fields: { email: 1 }, unique: true });
      await items.insertOne({ email: 'a@example.com', name: 'a' });
    });

    it('rejects a duplicate insert with DuplicateKeyError and writes nothing', async () => {
      const error = await items.insertOne({ email: 'a@example.com', name: 'dup' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DuplicateKeyError);
      expect((error as DuplicateKeyError).fields).toEqual(['email']);
      expect((error as DuplicateKeyError).collection).toBe('items');
      expect(await items.countDocuments()).toBe(1);
      expect(await items.findOne({ name: 'dup' })).toBeNull();
    });

    it('rejects a duplicate _id', async () => {
      const { _id } = await items.insertOne({ email: 'b@example.com' });
      await expect(items.insertOne({ _id, email: 'c@example.com' })).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await items.countDocuments()).toBe(2);
    });

    it('rejects an update or upsert that would create a duplicate, leaving the document unchanged', async () => {
      const b = await items.insertOne({ email: 'b@example.com', name: 'b' });
      await expect(items.updateOne({ _id: b._id }, { $set: { email: 'a@example.com', name: 'changed' } })).rejects.toBeInstanceOf(
        DuplicateKeyError,
      );
      await expect(items.findOneAndUpdate({ _id: b._id }, { $set: { email: 'a@example.com' } })).rejects.toBeInstanceOf(DuplicateKeyError);
      await expect(items.updateOne({ name: 'zzz' }, { $set: { email: 'a@example.com' } }, { upsert: true })).rejects.toBeInstanceOf(
        DuplicateKeyError,
      );
      expect(await items.findOne({ _id: b._id })).toEqual(b);
      expect(await items.countDocuments()).toBe(2);
    });

    it('is idempotent, and creating one over existing duplicates throws DuplicateKeyError', async () => {
      await items.createIndex({ fields: { email: 1 }, unique: true });
      await expect(items.insertOne({ email: 'a@example.com' })).rejects.toBeInstanceOf(DuplicateKeyError);
      const codes = store.collection('codes');
      await codes.insertMany([{ code: 1 }, { code: 1 }]);
      await expect(codes.createIndex({ fields: { code: 1 }, unique: true })).rejects.toBeInstanceOf(DuplicateKeyError);
      // The failed index is not left behind half-made.
      await expect(codes.insertOne({ code: 1 })).resolves.toMatchObject({ code: 1 });
    });

    it('turns an existing non-unique index into a unique one once the data allows it', async () => {
      const codes = store.collection('codes');
      await codes.createIndex({ fields: { code: 1 } });
      const [, second] = await codes.insertMany([{ code: 1 }, { code: 1 }]);
      await expect(codes.createIndex({ fields: { code: 1 }, unique: true })).rejects.toBeInstanceOf(DuplicateKeyError);
      await codes.deleteOne({ _id: second?._id });
      await codes.createIndex({ fields: { code: 1 }, unique: true });
      await expect(codes.insertOne({ code: 1 })).rejects.toBeInstanceOf(DuplicateKeyError);
      await reopen();
      await expect(store.collection('codes').insertOne({ code: 1 })).rejects.toBeInstanceOf(DuplicateKeyError);
      await expect(store.collection('codes').insertOne({ code: 2 })).resolves.toMatchObject({ code: 2 });
    });

    it('sparse: many documents may lack the field, but present values stay unique', async () => {
      const people = store.collection('people');
      await people.createIndex({ fields: { nickname: 1 }, unique: true, sparse: true });
      await people.insertMany([{ name: 'no nickname 1' }, { name: 'no nickname 2' }, { nickname: 'bo' }]);
      await expect(people.insertOne({ nickname: 'bo' })).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await people.countDocuments()).toBe(3);
    });

    it('compound: only the combination must be unique', async () => {
      const grants = store.collection('grants');
      await grants.createIndex({ fields: { user: 1, role: 1 }, unique: true });
      await grants.insertMany([
        { user: 'u1', role: 'a' },
        { user: 'u1', role: 'b' },
        { user: 'u2', role: 'a' },
      ]);
      const error = await grants.insertOne({ user: 'u1', role: 'a' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DuplicateKeyError);
      expect([...(error as DuplicateKeyError).fields].sort()).toEqual(['role', 'user']);
    });
  });

  describe('concurrency', () => {
    it('loses nothing with 200 concurrent inserts and 100 concurrent findOneAndUpdate $inc', async () => {
      await Promise.all(Array.from({ length: 200 }, (_, i) => items.insertOne({ name: `bulk-${i}`, n: i })));
      expect(await items.countDocuments()).toBe(200);

      const counters = store.collection('counters');
      await counters.insertOne({ _id: 'c', value: 0 });
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          counters.findOneAndUpdate({ _id: 'c' }, { $inc: { value: 1 } }, { returnDocument: i % 2 === 0 ? 'before' : 'after' }),
        ),
      );
      expect((await counters.findOne({ _id: 'c' }))?.value).toBe(100);
      // Atomic: each 'before' is the value just before that caller's own increment, so the
      // before-values (+1) and after-values together are exactly 1..100, each seen once.
      const seen = results.map((doc, i) => (doc?.value as number) + (i % 2 === 0 ? 1 : 0)).sort((a, b) => a - b);
      expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    });
  });

  describe('concurrent upserts', () => {
    it('create one document and apply every increment', async () => {
      // The unique index lets MongoDB retry racing upserts; the embedded store serialises them.
      await items.createIndex({ fields: { name: 1 }, unique: true });
      await Promise.all(Array.from({ length: 30 }, () => items.updateOne({ name: 'once' }, { $inc: { n: 1 } }, { upsert: true })));
      expect(await items.find({ name: 'once' }, { projection: { _id: 0 } })).toEqual([{ name: 'once', n: 30 }]);
    });
  });

  describe('collections', () => {
    it('lists and drops collections; dropping a missing one is fine', async () => {
      await items.insertOne({ name: 'a' });
      await store.collection('others').insertOne({ name: 'b' });
      expect(await store.listCollections()).toEqual(['items', 'others']);
      await store.dropCollection('items');
      expect(await store.listCollections()).toEqual(['others']);
      expect(await items.countDocuments()).toBe(0);
      await items.insertOne({ name: 'after drop' });
      expect(await items.countDocuments()).toBe(1);
      await expect(store.dropCollection('never-created')).resolves.toBeUndefined();
    });

    it('refuses unsafe collection names', () => {
      for (const name of ['', '../escape', 'a/b', '$x', 'system.users', '.hidden']) {
        expect(() => store.collection(name)).toThrow(InvalidStoreRequestError);
      }
    });
  });

  describe('persistence', () => {
    it('keeps documents, Dates and unique indexes across close and reopen', async () => {
      const at = new Date('2024-03-04T05:06:07.089Z');
      await items.createIndex({ fields: { email: 1 }, unique: true });
      const doc = await items.insertOne({ email: 'p@example.com', at, nested: { when: at, list: [at] } });
      await items.updateOne({ _id: doc._id }, { $inc: { n: 3 } });

      await reopen();
      const loaded = (await items.findOne({ _id: doc._id })) as Item;
      expect(loaded.at).toBeInstanceOf(Date);
      expect(loaded.at?.toISOString()).toBe(at.toISOString());
      expect((loaded.nested as { when: unknown }).when).toBeInstanceOf(Date);
      expect(loaded).toEqual({ _id: doc._id, email: 'p@example.com', at, nested: { when: at, list: [at] }, n: 3 });
      expect(await items.countDocuments({ at: { $gte: new Date('2024-01-01') } })).toBe(1);
      await expect(items.insertOne({ email: 'p@example.com' })).rejects.toBeInstanceOf(DuplicateKeyError);
    });
  });
}
