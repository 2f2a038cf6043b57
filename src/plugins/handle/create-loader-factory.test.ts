import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModuleDocument, ModuleHandle } from '../../sdk/types.js';
import { openEmbeddedStore } from '../../store/embedded/embedded-store.js';
import type { DocumentStore } from '../../store/types.js';
import { bindHandleToUser } from './bind-handle-to-user.js';
import { countingStore, testModuleHandle } from './module-handle.test-support.js';
import { createPermissionRegistry } from './permission-registry.js';

let dataDir: string;
let store: DocumentStore;
let reads: ReturnType<typeof vi.fn<(...args: unknown[]) => void>>;

function handles(): { base: ModuleHandle; request: () => ModuleHandle } {
  const handle = testModuleHandle(
    countingStore(store, (...args) => reads(...args)),
    ['farms', 'blocks'],
  );
  const permissions = createPermissionRegistry();
  return { base: handle, request: () => bindHandleToUser(handle, null, permissions) };
}

async function seed(farms: number, blocksPerFarm: number): Promise<string[]> {
  const ids = Array.from({ length: farms }, (_, i) => `farm-${String(i).padStart(3, '0')}`);
  await store.collection('farms').insertMany(ids.map((_id, i) => ({ _id, name: `Farm ${i}`, deletedAt: i === 0 ? 'gone' : null })));
  await store.collection('blocks').insertMany(
    ids.flatMap((farmId) =>
      Array.from({ length: blocksPerFarm }, (_, b) => ({
        farmId,
        name: `${farmId}/${b}`,
        order: blocksPerFarm - b,
        state: b % 2 ? 'EMPTY' : 'PLANTED',
      })),
    ),
  );
  reads.mockClear();
  return ids;
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'a64-loader-'));
  store = await openEmbeddedStore({ dataDir });
  reads = vi.fn<(...args: unknown[]) => void>();
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('module.loader', () => {
  it('reads the children of 100 parents with one store read, each parent getting its own, in sort order', async () => {
    const ids = await seed(100, 3);
    const module = handles().request();
    const children = await Promise.all(ids.map((id) => module.loader('blocks', 'farmId', { sort: { order: 1 } }).load(id)));
    expect(reads).toHaveBeenCalledTimes(1);
    expect(children).toHaveLength(100);
    children.forEach((blocks, i) => {
      expect(blocks.map((block) => block.name)).toEqual([`${ids[i]}/2`, `${ids[i]}/1`, `${ids[i]}/0`]);
    });
  });

  it('hands back frozen documents (shared by every resolver of the request), and later requests see writes', async () => {
    const ids = await seed(2, 1);
    const [block] = await handles().request().loader('blocks', 'farmId').load(ids[1]!);
    expect(Object.isFrozen(block)).toBe(true);
    expect(() => {
      (block as ModuleDocument).name = 'changed';
    }).toThrow(TypeError);
    await store.collection('blocks').updateOne({ _id: block!._id }, { $set: { name: 'renamed' } });
    const [again] = await handles().request().loader('blocks', 'farmId').load(ids[1]!);
    expect(again).toEqual({ ...block, name: 'renamed' });
    // The copy-taking read is still the caller's to change.
    const mine = await store.collection('blocks').findOne({ _id: block!._id });
    expect(Object.isFrozen(mine)).toBe(false);
  });

  it('applies the filter and the per-key limit, and gives [] or null for parents without children', async () => {
    const ids = await seed(3, 4);
    const module = handles().request();
    const planted = module.loader('blocks', 'farmId', { filter: { state: 'PLANTED' }, sort: { order: -1 }, limit: 1 });
    const [first, none] = await Promise.all([planted.load(ids[1]!), planted.load('no-such-farm')]);
    expect(first.map((block) => block.name)).toEqual([`${ids[1]}/0`]);
    expect(none).toEqual([]);
    const live = module.loader('farms', '_id', { filter: { deletedAt: null } });
    expect(await Promise.all([live.loadOne(ids[0]!), live.loadOne(ids[2]!)])).toEqual([null, expect.objectContaining({ _id: ids[2] })]);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('groups by a dotted key (a field of an embedded object), in one store read', async () => {
    await store.collection('farms').insertMany([
      { _id: 'n1', owner: { farmId: 'a' } },
      { _id: 'n2', owner: { farmId: 'b' } },
      { _id: 'n3', owner: { farmId: 'a' } },
      { _id: 'n4', owner: null },
    ]);
    reads.mockClear();
    const notes = handles()
      .request()
      .loader('farms', 'owner.farmId', { sort: { _id: 1 } });
    const [a, b, none] = await Promise.all([notes.load('a'), notes.load('b'), notes.load('c')]);
    expect([a.map((note) => note._id), b.map((note) => note._id), none]).toEqual([['n1', 'n3'], ['n2'], []]);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('remembers reads for the rest of the request but not into the next request', async () => {
    const ids = await seed(2, 1);
    const { request } = handles();
    const module = request();
    await module.loader('blocks', 'farmId').load(ids[0]!);
    await module.loader('blocks', 'farmId').load(ids[0]!);
    expect(reads).toHaveBeenCalledTimes(1);
    await store.collection('blocks').insertOne({ farmId: ids[0]!, name: 'new' });
    expect(await request().loader('blocks', 'farmId').load(ids[0]!)).toHaveLength(2);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('shares one loader between equal options given as fresh objects, and never between different ones', async () => {
    const ids = await seed(3, 4);
    const module = handles().request();
    const sorted = () => module.loader('blocks', 'farmId', { sort: { order: 1 }, filter: { state: 'PLANTED' } });
    await Promise.all(ids.map((id) => sorted().load(id)));
    expect(reads).toHaveBeenCalledTimes(1);
    // Same keys in another order is another sort: its own loader and read.
    const [a] = await Promise.all([module.loader('blocks', 'farmId', { sort: { order: -1 } }).load(ids[0]!)]);
    const [b] = await Promise.all([module.loader('blocks', 'farmId', { sort: { order: 1 } }).load(ids[0]!)]);
    expect(a.map((block) => block.order)).toEqual([4, 3, 2, 1]);
    expect(b.map((block) => block.order)).toEqual([1, 2, 3, 4]);
    // Two regular expressions (equal as JSON text, {}) are two loaders.
    const [odd] = await Promise.all([module.loader('blocks', 'farmId', { filter: { name: /\/[13]$/ } }).load(ids[1]!)]);
    const [even] = await Promise.all([module.loader('blocks', 'farmId', { filter: { name: /\/[02]$/ } }).load(ids[1]!)]);
    expect(odd.map((block) => block.name).sort()).toEqual([`${ids[1]}/1`, `${ids[1]}/3`]);
    expect(even.map((block) => block.name).sort()).toEqual([`${ids[1]}/0`, `${ids[1]}/2`]);
    expect(reads).toHaveBeenCalledTimes(5);
  });

  it('finds its loaders again among many distinct options', async () => {
    const ids = await seed(1, 1);
    const module = handles().request();
    const limits = Array.from({ length: 20 }, (_, i) => i + 1);
    for (const limit of limits) await module.loader('blocks', 'farmId', { limit }).load(ids[0]!);
    for (const limit of limits) await module.loader('blocks', 'farmId', { limit }).load(ids[0]!);
    expect(reads).toHaveBeenCalledTimes(20);
  });

  it('on the base handle (hooks, services) batches one tick but remembers nothing', async () => {
    const ids = await seed(5, 1);
    const { base } = handles();
    await Promise.all(ids.map((id) => base.loader('blocks', 'farmId').load(id)));
    expect(reads).toHaveBeenCalledTimes(1);
    await base.loader('blocks', 'farmId').load(ids[0]!);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('prefetches the children of a page in one read; loaded then has them, and load does not read again', async () => {
    const ids = await seed(100, 2);
    const module = handles().request();
    const blocks = () => module.loader('blocks', 'farmId', { sort: { order: 1 } });
    expect(blocks().loaded(ids[1]!)).toBeUndefined();
    await blocks().prefetch([...ids, 'no-such-farm', null as never, undefined as never]);
    expect(reads).toHaveBeenCalledTimes(1);
    ids.forEach((id) => {
      expect(
        blocks()
          .loaded(id)
          ?.map((block) => block.name),
      ).toEqual([`${id}/1`, `${id}/0`]);
    });
    expect(blocks().loaded('no-such-farm')).toEqual([]);
    // The same arrays as `load` hands back, without another read; prefetching them again reads nothing.
    expect(await blocks().load(ids[7]!)).toBe(blocks().loaded(ids[7]!));
    await blocks().prefetch(ids);
    expect(reads).toHaveBeenCalledTimes(1);
    // Another loader (other options) has read nothing yet.
    expect(module.loader('blocks', 'farmId').loaded(ids[1]!)).toBeUndefined();
  });

  it('keeps what a finished load read for loaded, in this request only', async () => {
    const ids = await seed(3, 1);
    const { request } = handles();
    const module = request();
    const [first] = await Promise.all([module.loader('blocks', 'farmId').load(ids[0]!), module.loader('blocks', 'farmId').load(ids[1]!)]);
    expect(module.loader('blocks', 'farmId').loaded(ids[0]!)).toBe(first);
    expect(module.loader('blocks', 'farmId').loaded(ids[2]!)).toBeUndefined();
    expect(request().loader('blocks', 'farmId').loaded(ids[0]!)).toBeUndefined();
  });

  it('on the base handle prefetch reads nothing and loaded has nothing: it lives longer than a request', async () => {
    const ids = await seed(2, 1);
    const { base } = handles();
    await base.loader('blocks', 'farmId').prefetch(ids);
    await base.loader('blocks', 'farmId').load(ids[0]!);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(base.loader('blocks', 'farmId').loaded(ids[0]!)).toBeUndefined();
  });

  it('refuses an undeclared collection like any read (FORBIDDEN) and a filter naming the key', async () => {
    const module = handles().request();
    expect(() => module.loader('users', '_id')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    );
    expect(() => module.loader('blocks', 'farmId', { filter: { farmId: 'x' } })).toThrow(/must not name the key field/);
  });
});
