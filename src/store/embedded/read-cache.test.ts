import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentStore } from '../types.js';
import { openEmbeddedStore } from './embedded-store.js';
import { readCacheKey } from './read-cache.js';

let dataDir: string;
let store: DocumentStore;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'a64-read-cache-'));
  store = await openEmbeddedStore({ dataDir });
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('embedded read cache', () => {
  it('answers repeated reads alike and forgets them on every kind of write', async () => {
    const farms = store.collection('farms');
    await farms.createIndex({ fields: { name: 1 }, unique: true });
    await farms.insertMany([
      { _id: 'a', name: 'A', n: 1 },
      { _id: 'b', name: 'B', n: 2 },
    ]);
    const page = () => farms.find({ n: { $gte: 1 } }, { sort: { n: -1 } });
    expect((await page()).map((farm) => farm._id)).toEqual(['b', 'a']);
    expect(await farms.countDocuments({ n: { $gte: 1 } })).toBe(2);

    await farms.updateOne({ _id: 'a' }, { $set: { n: 3 } });
    expect((await page()).map((farm) => farm._id)).toEqual(['a', 'b']);
    await farms.insertOne({ _id: 'c', name: 'C', n: 5 });
    expect((await page()).map((farm) => farm._id)).toEqual(['c', 'a', 'b']);
    expect(await farms.countDocuments({ n: { $gte: 1 } })).toBe(3);
    await farms.deleteOne({ _id: 'c' });
    expect(await farms.countDocuments({ n: { $gte: 1 } })).toBe(2);
    await expect(farms.insertOne({ _id: 'd', name: 'A', n: 9 })).rejects.toThrow();
    expect((await page()).map((farm) => farm._id)).toEqual(['a', 'b']);
    await store.dropCollection('farms');
    expect(await page()).toEqual([]);
  });

  it('hands out copies: changing a returned document changes neither the store nor the next answer', async () => {
    const farms = store.collection('farms');
    const at = new Date('2026-01-01T00:00:00.000Z');
    await farms.insertOne({ _id: 'a', name: 'A', tags: ['x'], location: { lat: 1 }, blocks: [{ at: new Date(at) }] });
    const [first] = await farms.find({});
    (first!.tags as string[]).push('changed');
    (first!.location as { lat: number }).lat = 99;
    (first!.blocks as Array<{ at: Date }>)[0]!.at.setTime(0);
    expect(await farms.find({})).toEqual([{ _id: 'a', name: 'A', tags: ['x'], location: { lat: 1 }, blocks: [{ at }] }]);
    expect(await farms.find({}, { projection: { location: 1 } })).toEqual([{ _id: 'a', location: { lat: 1 } }]);
  });

  it('keys only plain-JSON reads, so a Date and its ISO text never share an answer', async () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    expect(readCacheKey('find', { at })).toBeNull();
    expect(readCacheKey('find', { at: at.toISOString() })).not.toBeNull();
    const events = store.collection('events');
    await events.insertOne({ _id: 'd', at });
    expect(await events.countDocuments({ at: at.toISOString() })).toBe(0);
    expect(await events.countDocuments({ at })).toBe(1);
  });

  it('keys any plain-JSON filter, and no filter with a Date, RegExp, undefined, NaN or class instance at any depth', () => {
    // Through JSON text: filters arrive as plain objects (fast-check also makes null-prototype ones).
    const json = fc
      .dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 }))
      .map((value) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
    fc.assert(
      fc.property(json, (filter) => {
        expect(readCacheKey('find', filter)).toBe(JSON.stringify(['find', filter, null, 0, 0]));
      }),
    );
    const foreign = fc.oneof(fc.date(), fc.constant(/x/), fc.constant(undefined), fc.constant(Number.NaN), fc.constant(new Map()));
    const path = fc.array(fc.oneof(fc.string(), fc.nat({ max: 3 })), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(path, foreign, (keys, value) => {
        // Nest the foreign value under the path: strings make objects, numbers arrays.
        const filter = keys.reduceRight<unknown>(
          (inner, key) => (typeof key === 'number' ? [...Array(key).fill(1), inner] : { [key]: inner }),
          value,
        );
        const wrapped = typeof keys[0] === 'number' ? { $in: filter } : (filter as Record<string, unknown>);
        expect(readCacheKey('find', wrapped)).toBeNull();
      }),
    );
  });
});
