import { rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { printSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { close, listen } from '../../src/platform/listen.js';
import { startTestPlatform, type TestPlatform } from '../../test/support/start-test-platform.js';
import { compareLoad, spreadNote } from '../load.js';
import type { BenchRow, BenchSection } from '../report.js';
import { FIRST_PARTY, firstPartyBundledDir } from '../support/first-party-bundled-dir.js';

const FARMS = 100;
const BLOCKS_PER_FARM = 2;

/** Flat: one page of 100 farms, scalar fields only (2 store reads per request). */
const FLAT_QUERY =
  '{ farms(first: 100) { items { id name areaHectares manager active notes createdAt updatedAt } totalCount nextCursor } }';
/** Nested: the same page with each farm's location and blocks (1 + 100 store reads per request). */
const NESTED_QUERY = `{ farms(first: 100) { totalCount nextCursor items {
  id name areaHectares manager active createdAt location { latitude longitude }
  blocks { id farmId name state areaHectares cycle allowedNextStates createdAt } } } }`;

async function seed(platform: TestPlatform, token: string): Promise<void> {
  for (let i = 0; i < FARMS; i++) {
    const farm = await platform.gql<{ createFarm: { id: string } }>(
      'mutation($input: CreateFarmInput!) { createFarm(input: $input) { id } }',
      { input: { name: `Farm ${i}`, areaHectares: 10 + i, manager: `M${i}`, location: { latitude: 50 + i / 100, longitude: 8 } } },
      token,
    );
    if (!farm.data) throw new Error(`seeding failed: ${JSON.stringify(farm.errors)}`);
    for (let b = 0; b < BLOCKS_PER_FARM; b++) {
      const block = await platform.gql(
        'mutation($input: CreateFarmBlockInput!) { createFarmBlock(input: $input) { id } }',
        { input: { farmId: farm.data.createFarm.id, name: `Block ${b}`, areaHectares: 1 + b } },
        token,
      );
      if (block.errors) throw new Error(`seeding failed: ${JSON.stringify(block.errors)}`);
    }
  }
}

/**
 * graphql-yoga on node:http with a static `makeExecutableSchema` of the platform's live SDL, whose
 * `farms` resolver returns the answers the platform gave, from memory; every other field uses the
 * default resolver. The platform's work minus the platform: no auth, store, module context or JIT.
 */
export async function startBareYoga(sdl: string, answers: Map<string, unknown>): Promise<{ server: Server; url: string }> {
  const schema = makeExecutableSchema({
    typeDefs: sdl,
    resolvers: {
      Query: {
        farms: (_root: unknown, _args: unknown, _ctx: unknown, info: { operation: { loc?: { source: { body: string } } } }) =>
          answers.get(info.operation.loc?.source.body ?? ''),
      },
    },
  });
  const server = createServer(createYoga({ schema, logging: false, graphiql: false }));
  return { server, url: `${await listen(server, 0, '127.0.0.1')}/graphql` };
}

async function compareQuery(label: string, query: string, platform: TestPlatform, bareUrl: string, token: string): Promise<BenchRow[]> {
  const body = JSON.stringify({ query });
  const result = await compareLoad(
    { url: bareUrl, body },
    { url: platform.graphqlUrl, body, headers: { authorization: `Bearer ${token}` } },
  );
  if (result.failures) throw new Error(`${result.failures} failed requests, first: ${result.firstFailure}`);
  return [
    { name: `${label}: bare yoga, data from memory`, value: result.baseline, unit: 'req/s' },
    { name: `${label}: A64 (auth, store, module ctx, jit)`, value: result.candidate, unit: 'req/s' },
    { name: `${label}: A64 / bare yoga`, value: result.ratio, unit: '×', target: '≥ 1.5 (goal)', note: spreadNote(result.spread) },
  ];
}

export const modulesThroughput: BenchSection = {
  title: `List-heavy queries, 3 modules enabled vs bare graphql-yoga on the same SDL (${FARMS} farms × ${BLOCKS_PER_FARM} blocks; 32 clients on a worker thread; median of 5 alternating 2 s rounds)`,
  async run() {
    const bundledDir = await firstPartyBundledDir();
    const platform = await startTestPlatform({ ENABLED_MODULES: FIRST_PARTY.join(',') }, { bundledDir });
    let bare: Server | undefined;
    try {
      const token = await platform.adminToken();
      await seed(platform, token);
      const answers = new Map<string, unknown>();
      for (const query of [FLAT_QUERY, NESTED_QUERY]) {
        const answer = await platform.gql<{ farms: unknown }>(query, undefined, token);
        if (!answer.data) throw new Error(JSON.stringify(answer.errors));
        answers.set(query, answer.data.farms);
      }
      const started = await startBareYoga(printSchema(platform.modules.schema()), answers);
      bare = started.server;
      return [
        ...(await compareQuery('flat', FLAT_QUERY, platform, started.url, token)),
        ...(await compareQuery('nested (+200 blocks)', NESTED_QUERY, platform, started.url, token)),
      ];
    } finally {
      if (bare) await close(bare);
      await platform.stop();
      await rm(bundledDir, { recursive: true, force: true });
    }
  },
};
