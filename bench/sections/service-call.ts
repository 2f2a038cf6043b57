import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFarmServices } from '../../modules/farm_manager/src/services.js';
import { createScopedStore } from '../../src/plugins/handle/create-scoped-store.js';
import type { ModuleHandle } from '../../src/sdk/types.js';
import { startTestPlatform } from '../../test/support/start-test-platform.js';
import type { BenchRow, BenchSection } from '../report.js';
import { FIRST_PARTY, firstPartyBundledDir } from '../support/first-party-bundled-dir.js';

const CALLS = 20_000;
const FARM_COLLECTIONS = ['farms', 'blocks', 'plant_data_enhanced', 'block_harvests', 'alerts', 'block_archives'];

/**
 * A module that, like Inventory, declares `farm_manager ^1.8.0` and calls its services through
 * `context.module.services.farm_manager` — the path Inventory's stock booking takes — timing the
 * calls inside one resolver so no HTTP or GraphQL cost is counted.
 */
const PROBE_SOURCE = `
const time = async (calls, fn) => {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await fn();
  return (performance.now() - started) / calls;
};
export default {
  typeDefs: 'extend type Query { benchGetBlock(blockId: ID!, calls: Int!): Float! benchEmptyCall(calls: Int!): Float! }',
  resolvers: {
    Query: {
      benchGetBlock: (_, { blockId, calls }, { module }) => time(calls, () => module.services.farm_manager.getBlock(blockId)),
      benchEmptyCall: (_, { calls }) => time(calls, async () => null),
    },
  },
};
`;

async function writeProbeModule(root: string): Promise<string> {
  const dir = path.join(root, 'bench_probe');
  await mkdir(path.join(dir, 'src'), { recursive: true });
  const manifest = {
    module_name: 'bench_probe',
    display_name: 'Bench probe',
    version: '1.0.0',
    description: 'Times in-process service calls for npm run bench.',
    author: 'Bench',
    entry: 'index.js',
    dependencies: { core: '>=1.0.0', farm_manager: '^1.8.0' },
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(path.join(dir, 'src', 'index.js'), PROBE_SOURCE);
  return dir;
}

export const serviceCall: BenchSection = {
  title: `Cross-module service call: farm_manager.getBlock through a dependent module's handle, in-process (embedded store; average of ${CALLS} calls)`,
  async run() {
    const root = await mkdtemp(path.join(tmpdir(), 'a64-bench-service-'));
    const bundledDir = await firstPartyBundledDir([await writeProbeModule(root)]);
    const platform = await startTestPlatform({ ENABLED_MODULES: [...FIRST_PARTY, 'bench_probe'].join(',') }, { bundledDir });
    try {
      const token = await platform.adminToken();
      const farm = await platform.gql<{ createFarm: { id: string } }>(
        'mutation { createFarm(input: { name: "Bench Farm", areaHectares: 500 }) { id } }',
        undefined,
        token,
      );
      if (!farm.data) throw new Error(JSON.stringify(farm.errors));
      let blockId = '';
      for (let i = 0; i < 200; i++) {
        const block = await platform.gql<{ createFarmBlock: { id: string } }>(
          'mutation($input: CreateFarmBlockInput!) { createFarmBlock(input: $input) { id } }',
          { input: { farmId: farm.data.createFarm.id, name: `B${i}`, areaHectares: 1 } },
          token,
        );
        if (!block.data) throw new Error(JSON.stringify(block.errors));
        blockId = block.data.createFarmBlock.id;
      }
      const probe = async (field: string, args: string) => {
        const answer = await platform.gql<Record<string, number>>(`{ ${field}(${args}) }`, undefined, token);
        if (!answer.data) throw new Error(JSON.stringify(answer.errors));
        return answer.data[field]!;
      };
      await probe('benchGetBlock', `blockId: "${blockId}", calls: 2000`); // warm-up
      const empty = await probe('benchEmptyCall', `calls: ${CALLS}`);
      const viaHandle = await probe('benchGetBlock', `blockId: "${blockId}", calls: ${CALLS}`);

      // The same function called directly on Farm Manager's own scoped store: what the handle adds.
      const store = createScopedStore(platform.store, 'farm_manager', FARM_COLLECTIONS);
      const direct = createFarmServices({ store } as unknown as ModuleHandle);
      const started = performance.now();
      for (let i = 0; i < CALLS; i++) await direct.getBlock(blockId);
      const directMs = (performance.now() - started) / CALLS;
      const rows: BenchRow[] = [
        { name: 'empty async call in a resolver (baseline)', value: empty * 1000, unit: 'µs' },
        {
          name: 'getBlock via context.module.services.farm_manager',
          value: viaHandle,
          unit: 'ms',
          target: '< 0.05 (goal), ~1 (seed)',
        },
        { name: 'getBlock called directly (no handle)', value: directMs, unit: 'ms', note: 'the handle adds the difference' },
      ];
      return rows;
    } finally {
      await platform.stop();
      await rm(bundledDir, { recursive: true, force: true });
      await rm(root, { recursive: true, force: true });
    }
  },
};
