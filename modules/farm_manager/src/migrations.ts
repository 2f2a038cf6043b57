import type { ModuleMigration } from 'a64-platform/sdk';
import { collections } from './documents.js';
import { nowIso } from './lookups.js';
import { SEED_PLANTS } from './plant-seed.js';

/** Run once each, in order, when the module is first enabled (and after upgrades that add more). */
export const migrations: ModuleMigration[] = [
  {
    id: '001-indexes',
    async up(handle) {
      const c = collections(handle);
      await c.farms.createIndex({ fields: { createdAt: 1 } });
      await c.blocks.createIndex({ fields: { farmId: 1 } });
      await c.plants.createIndex({ fields: { cropName: 1, variety: 1 }, unique: true });
      await c.harvests.createIndex({ fields: { blockId: 1 } });
      await c.harvests.createIndex({ fields: { farmId: 1 } });
      await c.alerts.createIndex({ fields: { ruleKey: 1 } });
      await c.archives.createIndex({ fields: { blockId: 1 } });
    },
  },
  {
    id: '002-seed-plant-data',
    async up(handle) {
      const { plants } = collections(handle);
      const createdAt = nowIso();
      // Skips crops already present so a partly applied seed (or a hand-added crop) is harmless.
      for (const plant of SEED_PLANTS) {
        if (await plants.findOne({ cropName: plant.cropName, variety: plant.variety })) continue;
        await plants.insertOne({ ...plant, createdAt });
      }
    },
  },
];
