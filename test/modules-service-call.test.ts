import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFarmServices } from '../modules/farm_manager/src/services.js';
import { createScopedStore } from '../src/plugins/handle/create-scoped-store.js';
import type { ModuleHandle } from '../src/sdk/types.js';
import { openStore } from '../src/store/open-store.js';
import type { DocumentStore } from '../src/store/types.js';

const COLLECTIONS = ['farms', 'blocks', 'plant_data_enhanced', 'block_harvests', 'alerts', 'block_archives'];

/**
 * Inventory calls Farm Manager in-process. The cost per call (goal < 0.05 ms) is a figure of
 * `npm run bench` (service-call section), not an assertion here: a busy machine would fail it.
 */
describe('Farm Manager service call', () => {
  let dir: string;
  let store: DocumentStore;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'a64-service-'));
    store = await openStore({ dataDir: dir });
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('getBlock answers from the store (its cost per call is measured by npm run bench)', async () => {
    const scoped = createScopedStore(store, 'farm_manager', COLLECTIONS);
    const farm = await scoped.collection('farms').insertOne({ name: 'Bench Farm', deletedAt: null });
    for (let i = 0; i < 200; i++)
      await scoped
        .collection('blocks')
        .insertOne({ farmId: farm._id, name: `B${i}`, state: 'EMPTY', areaHectares: 1, plantId: null, cycle: 1 });
    const block = await scoped
      .collection('blocks')
      .insertOne({ farmId: farm._id, name: 'Target', state: 'HARVESTING', areaHectares: 1, plantId: null, cycle: 1 });
    const services = createFarmServices({ store: scoped } as unknown as ModuleHandle);

    expect(await services.getBlock(block._id)).toMatchObject({ id: block._id, farmName: 'Bench Farm', state: 'HARVESTING' });
    expect(await services.getBlock('missing')).toBeNull();
  });
});
