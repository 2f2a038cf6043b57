import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { printSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { buildModule, writeModuleDir } from '../../src/packaging/index.js';
import { close, listen } from '../../src/platform/listen.js';
import { startTestPlatform } from '../../test/support/start-test-platform.js';
import { runLoad } from '../load.js';
import type { BenchSection } from '../report.js';

const MODULES_DIR = fileURLToPath(new URL('../../modules/', import.meta.url));
const LIST_QUERY =
  '{ farms(first: 100) { items { id name areaHectares manager active notes createdAt updatedAt } totalCount nextCursor } }';

export const modulesThroughput: BenchSection = {
  title: 'List-heavy query (100 farms) with 3 modules enabled vs bare graphql-yoga on the same SDL (32 clients, 3 s)',
  async run() {
    const bundledDir = await mkdtemp(path.join(tmpdir(), 'a64-bench-bundled-'));
    for (const name of ['farm_manager', 'animal_manager', 'inventory']) {
      await writeModuleDir(await buildModule(path.join(MODULES_DIR, name)), path.join(bundledDir, name));
    }
    const platform = await startTestPlatform({ ENABLED_MODULES: 'farm_manager,animal_manager,inventory' }, { bundledDir });
    let bare: Server | undefined;
    try {
      const token = await platform.adminToken();
      for (let i = 0; i < 100; i++) {
        await platform.gql(
          `mutation { createFarm(input: { name: "Farm ${i}", areaHectares: ${10 + i}, manager: "M${i}" }) { id } }`,
          undefined,
          token,
        );
      }
      const answer = await platform.gql<{ farms: unknown }>(LIST_QUERY, undefined, token);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      // The baseline serves the same SDL and the same answer straight from memory: graphql-js execution, no platform.
      const sdl = printSchema(platform.modules.schema());
      const schema = makeExecutableSchema({ typeDefs: sdl, resolvers: { Query: { farms: () => answer.data!.farms } } });
      bare = createServer(createYoga({ schema, logging: false, graphiql: false }));
      const bareUrl = `${await listen(bare, 0, '127.0.0.1')}/graphql`;
      const body = JSON.stringify({ query: LIST_QUERY });
      const headers = { authorization: `Bearer ${token}` };
      await runLoad(bareUrl, body, { seconds: 1 });
      await runLoad(platform.graphqlUrl, body, { seconds: 1, headers });
      const baseline = await runLoad(bareUrl, body);
      const ours = await runLoad(platform.graphqlUrl, body, { headers });
      return [
        { name: 'bare graphql-yoga, data from memory (baseline)', value: baseline.perSecond, unit: 'req/s' },
        {
          name: 'A64 platform (auth, store reads, module context, jit)',
          value: ours.perSecond,
          unit: 'req/s',
          note: `${ours.failures} failures`,
        },
        { name: 'A64 / bare yoga', value: ours.perSecond / baseline.perSecond, unit: '×', target: '≥ 1.5 (goal)' },
      ];
    } finally {
      if (bare) await close(bare);
      await platform.stop();
      await rm(bundledDir, { recursive: true, force: true });
    }
  },
};
