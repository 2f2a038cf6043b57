import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentStore } from '../types.js';
import { openEmbeddedStore } from './embedded-store.js';

let dataDir: string;
let store: DocumentStore;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'a64-read-only-'));
  store = await openEmbeddedStore({ dataDir });
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

type Block = { _id: string; farmId: string; n: number; tags: string[]; meta: { level: number } };

describe('embedded readOnly reads', () => {
  it('hand out the stored document itself, without a copy, until it is written; one with a Date is copied', async () => {
    const blocks = store.collection('blocks');
    await blocks.insertMany([
      { _id: 'a', n: 1, meta: { level: 1 } },
      { _id: 'd', at: new Date('2026-01-01T00:00:00.000Z') },
    ]);
    const [a1, d1] = await blocks.find({}, { sort: { _id: 1 }, readOnly: true });
    const [a2, d2] = await blocks.find({}, { sort: { _id: 1 }, readOnly: true });
    expect(a2).toBe(a1);
    expect(d2).not.toBe(d1);
    expect(Object.isFrozen(d1)).toBe(true);
    // A copy-taking read after a shared one is still the caller's to change.
    const mine = await blocks.findOne({ _id: 'a' });
    expect(mine).not.toBe(a1);
    (mine!.meta as { level: number }).level = 5;
    await blocks.updateOne({ _id: 'a' }, { $inc: { n: 1 } });
    const a3 = await blocks.findOne({ _id: 'a' }, { readOnly: true });
    expect(a3).not.toBe(a1);
    expect(a3).toEqual({ _id: 'a', n: 2, meta: { level: 1 } });
    expect(a1).toEqual({ _id: 'a', n: 1, meta: { level: 1 } });
  });

  it('agree with a model through any mix of shared reads, copy reads, changes attempted on results, and writes', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `b${i}`);
    const farm = fc.constantFrom('f1', 'f2', 'f3');
    const step = fc.oneof(
      fc.record({ read: farm, readOnly: fc.boolean(), tamper: fc.boolean() }),
      fc.record({ insert: fc.constantFrom(...ids), farmId: farm }),
      fc.record({ bump: fc.constantFrom(...ids), tag: fc.constantFrom('x', 'y') }),
      fc.record({ level: fc.nat({ max: 5 }), farmId: farm }),
      fc.record({ remove: fc.constantFrom(...ids) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        await store.dropCollection('blocks');
        const blocks = store.collection<Block>('blocks');
        const model = new Map<string, Block>();
        for (const s of steps) {
          if ('read' in s) {
            const found = await blocks.find({ farmId: s.read }, { sort: { _id: 1 }, readOnly: s.readOnly });
            const expected = [...model.values()].filter((b) => b.farmId === s.read).sort((a, b) => (a._id < b._id ? -1 : 1));
            expect(found).toEqual(expected);
            for (const block of found)
              expect(Object.isFrozen(block) && Object.isFrozen(block.tags) && Object.isFrozen(block.meta)).toBe(s.readOnly);
            if (s.tamper && found[0]) {
              const change = () => {
                found[0]!.tags.push('tampered');
                found[0]!.meta.level = -1;
                (found[0] as { n: number }).n = -1;
              };
              if (s.readOnly) expect(change).toThrow(TypeError);
              else change();
            }
          } else if ('insert' in s) {
            if (model.has(s.insert)) continue;
            const block: Block = { _id: s.insert, farmId: s.farmId, n: 0, tags: [], meta: { level: 0 } };
            await blocks.insertOne(structuredClone(block));
            model.set(s.insert, block);
          } else if ('bump' in s) {
            await blocks.updateOne({ _id: s.bump }, { $inc: { n: 1 }, $push: { tags: s.tag } });
            const block = model.get(s.bump);
            if (block) model.set(s.bump, { ...block, n: block.n + 1, tags: [...block.tags, s.tag] });
          } else if ('level' in s) {
            await blocks.updateMany({ farmId: s.farmId }, { $set: { 'meta.level': s.level } });
            for (const [id, block] of model) if (block.farmId === s.farmId) model.set(id, { ...block, meta: { level: s.level } });
          } else {
            await blocks.deleteOne({ _id: s.remove });
            model.delete(s.remove);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
