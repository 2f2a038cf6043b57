import { rm } from 'node:fs/promises';
import { parse } from 'graphql';
import {
  collectCoordinates,
  createFieldUsageRecorder,
  createFieldUsageRepository,
  useFieldUsage,
} from '../../src/plugins/changes/index.js';
import { postGraphQL } from '../../src/sdk/testkit/post-graphql.js';
import { compareLoad, spreadNote } from '../load.js';
import type { BenchRow, BenchSection } from '../report.js';
import { FIRST_PARTY, firstPartyBundledDir } from '../support/first-party-bundled-dir.js';
import { type BenchPlatform, startBenchPlatform } from '../support/start-bench-platform.js';

const CORE_QUERY = '{ platform { version } }';
const LIST_QUERY = `{ farms(first: 100) { totalCount items { id name areaHectares location { latitude longitude }
  blocks { id name state areaHectares } } } }`;

async function startSide(bundledDir: string, fieldUsage: boolean): Promise<BenchPlatform> {
  const side = await startBenchPlatform({ ENABLED_MODULES: FIRST_PARTY.join(',') }, { bundledDir, fieldUsage });
  for (let i = 0; i < 50; i++) {
    const farm = await postGraphQL<{ createFarm: { id: string } }>(
      side.started.graphqlUrl,
      'mutation($input: CreateFarmInput!) { createFarm(input: $input) { id } }',
      { input: { name: `Farm ${i}`, areaHectares: 10 + i, manager: `M${i}`, location: { latitude: 50, longitude: 8 } } },
      side.token,
    );
    if (!farm.data) throw new Error(`seeding failed: ${JSON.stringify(farm.errors)}`);
    await postGraphQL(
      side.started.graphqlUrl,
      'mutation($input: CreateFarmBlockInput!) { createFarmBlock(input: $input) { id } }',
      { input: { farmId: farm.data.createFarm.id, name: 'Block', areaHectares: 1 } },
      side.token,
    );
  }
  return side;
}

/**
 * The plugin's own work per request, in process (no HTTP noise): the cached coordinates of the
 * list query plus one in-memory count each — next to the first, uncached computation.
 */
function perRequestCost(side: BenchPlatform): BenchRow[] {
  const schema = side.started.modules.schema();
  const document = parse(LIST_QUERY);
  const recorder = createFieldUsageRecorder({
    repository: createFieldUsageRepository(side.started.store),
    retentionDays: 30,
    logger: { warn: () => {} },
  });
  const plugin = useFieldUsage(recorder);
  const onExecute = plugin.onExecute as (payload: { args: Record<string, unknown> }) => void;
  const args = { schema, document, operationName: undefined, variableValues: {} };
  const firstStart = performance.now();
  collectCoordinates(schema, document);
  const first = (performance.now() - firstStart) * 1000;
  const runs = 200_000;
  onExecute({ args });
  const start = performance.now();
  for (let i = 0; i < runs; i++) onExecute({ args });
  const cached = ((performance.now() - start) * 1000) / runs;
  return [
    { name: 'list-heavy: coordinates computed (first request of a document)', value: Math.round(first), unit: 'µs' },
    { name: 'list-heavy: recording per request (cached document)', value: Number(cached.toFixed(2)), unit: 'µs' },
  ];
}

async function compare(label: string, query: string, without: BenchPlatform, withUsage: BenchPlatform): Promise<BenchRow[]> {
  const body = JSON.stringify({ query });
  const side = (s: BenchPlatform) => ({ url: s.started.graphqlUrl, body, headers: { authorization: `Bearer ${s.token}` } });
  const result = await compareLoad(side(without), side(withUsage));
  if (result.failures) throw new Error(`${result.failures} failed requests, first: ${result.firstFailure}`);
  return [
    { name: `${label}: field usage off`, value: result.baseline, unit: 'req/s' },
    { name: `${label}: field usage on`, value: result.candidate, unit: 'req/s' },
    { name: `${label}: on / off`, value: result.ratio, unit: '×', target: '≥ 0.95', note: spreadNote(result.spread) },
  ];
}

export const fieldUsageOverhead: BenchSection = {
  title:
    'Field-usage recording overhead: the same platform with and without it (3 modules, 50 farms; 32 clients; median of 5 alternating 2 s rounds)',
  async run() {
    const bundledDir = await firstPartyBundledDir();
    const sides: BenchPlatform[] = [];
    try {
      sides.push(await startSide(bundledDir, false), await startSide(bundledDir, true));
      const [without, withUsage] = sides as [BenchPlatform, BenchPlatform];
      return [
        ...perRequestCost(withUsage),
        ...(await compare('core', CORE_QUERY, without, withUsage)),
        ...(await compare('list-heavy', LIST_QUERY, without, withUsage)),
      ];
    } finally {
      for (const side of sides) {
        await side.stop();
      }
      await rm(bundledDir, { recursive: true, force: true });
    }
  },
};
