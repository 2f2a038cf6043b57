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
        expect(readCacheKey('find', filter)).not.toBeNull();
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

  it('keys a long $in list apart from the text, by its values, in order, under its field', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `id${i}`);
    const key = readCacheKey('find', { farmId: { $in: ids }, state: 'OPEN' }, { sort: { name: 1 } });
    expect(key).toEqual({ text: JSON.stringify(['find', { state: 'OPEN' }, 'farmId', { name: 1 }, 0, 0]), values: ids });
    expect(readCacheKey('find', { blockId: { $in: ids } })).not.toEqual(readCacheKey('find', { farmId: { $in: ids } }));
    // Short lists, other operators beside $in and anything but strings and finite numbers stay in the text.
    expect(readCacheKey('find', { farmId: { $in: ids.slice(0, 3) } })).toBeTypeOf('string');
    expect(readCacheKey('find', { farmId: { $in: ids, $ne: 'id1' } })).toBeTypeOf('string');
    expect(readCacheKey('find', { farmId: { $in: [...ids, null] } })).toBeTypeOf('string');
    expect(readCacheKey('find', { farmId: { $in: [...ids, new Date(0)] } })).toBeNull();
  });

  it('never answers a long list for another of the same length that differs in one value', async () => {
    const blocks = store.collection('blocks');
    await blocks.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: `b${i}`, farmId: `f${i}` })));
    const farms = Array.from({ length: 9 }, (_, i) => `f${i}`);
    const ids = async (list: string[]) => (await blocks.find({ farmId: { $in: list } }, { sort: { _id: 1 } })).map((b) => b._id);
    expect(await ids(farms)).toEqual(farms.map((f) => f.replace('f', 'b')));
    expect(await ids([...farms.slice(0, -1), 'f9'])).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b9']);
    expect(await ids(['f9', ...farms.slice(1)])).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9']);
    expect(await blocks.countDocuments({ farmId: { $in: [...farms.slice(0, -1), 'nowhere'] } })).toBe(8);
  });

  it('answers any mix of $in reads and writes as the documents say, long lists included', async () => {
    const blocks = store.collection('blocks');
    const farm = fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `f${i}`));
    const step = fc.oneof(
      fc.record({ reads: fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 4 }), min: fc.nat({ max: 1 }) }),
      fc.record({ insert: farm, n: fc.nat({ max: 3 }) }),
      fc.record({ move: fc.nat({ max: 40 }), to: farm }),
      fc.record({ remove: fc.nat({ max: 40 }) }),
    );
    let run = 0;
    await fc.assert(
      // Reads draw from a few lists (long ones kept apart from the key's text, short ones not), so
      // the same list is asked for again before and after writes; the last differs from the first
      // only in its last value.
      fc.asyncProperty(
        fc
          .array(fc.array(farm, { minLength: 1, maxLength: 12 }), { minLength: 3, maxLength: 3 })
          .map((drawn) => [...drawn, [...drawn[0]!.slice(0, -1), drawn[0]!.at(-1) === 'f0' ? 'f1' : 'f0']]),
        fc.array(step, { maxLength: 25 }),
        async (lists, steps) => {
          run++;
          const model: Array<{ _id: string; farmId: string; n: number }> = [];
          let made = 0;
          for (const s of steps) {
            if ('reads' in s) {
              // Each list twice, interleaved: the second round hits the cache, and lists of one
              // shape must never answer for each other. Every answer must be the model's.
              for (const list of [...s.reads, ...s.reads].map((i) => lists[i]!)) {
                const found = await blocks.find({ n: { $gte: s.min }, farmId: { $in: list } }, { sort: { _id: 1 } });
                const expected = model.filter((b) => list.includes(b.farmId) && b.n >= s.min).sort((a, b) => (a._id < b._id ? -1 : 1));
                expect(found).toEqual(expected);
                expect(await blocks.countDocuments({ farmId: { $in: list } })).toBe(model.filter((b) => list.includes(b.farmId)).length);
              }
            } else if ('insert' in s) {
              const block = { _id: `r${run}-${String(made++).padStart(3, '0')}`, farmId: s.insert, n: s.n };
              await blocks.insertOne(block);
              model.push(block);
            } else if ('move' in s) {
              const block = model[s.move % Math.max(model.length, 1)];
              if (!block) continue;
              await blocks.updateOne({ _id: block._id }, { $set: { farmId: s.to } });
              block.farmId = s.to;
            } else {
              const block = model[s.remove % Math.max(model.length, 1)];
              if (!block) continue;
              await blocks.deleteOne({ _id: block._id });
              model.splice(model.indexOf(block), 1);
            }
          }
          await blocks.deleteMany({});
        },
      ),
      { numRuns: 60 },
    );
  });
});
