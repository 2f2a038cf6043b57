import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFarmServices } from '../../modules/farm_manager/src/services.js';
import { createScopedStore } from '../../src/plugins/handle/create-scoped-store.js';
import type { ModuleHandle } from '../../src/sdk/types.js';
import { openStore } from '../../src/store/open-store.js';
import type { BenchSection } from '../report.js';

const COLLECTIONS = ['farms', 'blocks', 'plant_data_enhanced', 'block_harvests', 'alerts', 'block_archives'];

/** Inventory → Farm Manager `getBlock`, in-process (two indexed store reads), averaged over 20,000 calls. */
export const serviceCall: BenchSection = {
  title: 'Cross-module service call: farm_manager.getBlock from Inventory, in-process (embedded store)',
  async run() {
    const dir = await mkdtemp(path.join(tmpdir(), 'a64-bench-service-'));
    const store = await openStore({ dataDir: dir });
    try {
      const scoped = createScopedStore(store, 'farm_manager', COLLECTIONS);
      const farm = await scoped.collection('farms').insertOne({ name: 'Bench Farm', deletedAt: null });
      for (let i = 0; i < 200; i++)
        await scoped
          .collection('blocks')
          .insertOne({ farmId: farm._id, name: `B${i}`, state: 'EMPTY', areaHectares: 1, plantId: null, cycle: 1 });
      const block = await scoped
        .collection('blocks')
        .insertOne({ farmId: farm._id, name: 'T', state: 'HARVESTING', areaHectares: 1, plantId: null, cycle: 1 });
      const services = createFarmServices({ store: scoped } as unknown as ModuleHandle);
      const noop = async (id: string) => id;
      for (let i = 0; i < 2000; i++) await services.getBlock(block._id);
      const calls = 20_000;
      let started = performance.now();
      for (let i = 0; i < calls; i++) await noop(block._id);
      const baseline = (performance.now() - started) / calls;
      started = performance.now();
      for (let i = 0; i < calls; i++) await services.getBlock(block._id);
      const average = (performance.now() - started) / calls;
      return [
        { name: 'empty async call (baseline)', value: baseline * 1000, unit: 'µs' },
        { name: 'getBlock service call, average', value: average, unit: 'ms', target: '< 0.05 (goal), ~1 (seed)' },
      ];
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
