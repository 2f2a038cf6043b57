import { rm } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { startTestPlatform, type TestPlatform } from '../../test/support/start-test-platform.js';
import { compareServers, type LoadSide, roundRatios, type SideFigures, spreadNote } from '../load.js';
import type { BenchRow, BenchSection } from '../report.js';
import { firstPartyBundledDir } from '../support/first-party-bundled-dir.js';
import { type PeerServer, schemaAnsweringFromMemory, startBareYoga, startMercurius, startRawCeiling } from '../support/peer-servers.js';
import { BLOCKS_PER_FARM, FARM_QUERIES, FARMS, LIST_BENCH_ENV, seedFarms } from '../support/seed-farms.js';

const ROUNDS = 5;
const SECONDS = 3;

/** The platform's answer as bytes on the wire, for the ceiling server. */
async function answerText(platform: TestPlatform, query: string, token: string): Promise<string> {
  const response = await fetch(platform.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"')) throw new Error(`the platform did not answer: ${text.slice(0, 300)}`);
  return text;
}

const TARGETS: Record<keyof typeof FARM_QUERIES, string> = { flat: '≥ 3 (must)', nested: '≥ 4 (must)' };

function rows(label: keyof typeof FARM_QUERIES, [ceiling, mercurius, yoga, a64]: SideFigures[]): BenchRow[] {
  const cpu = (side: SideFigures) => `${side.cpuMsPerRequest.toFixed(3)} ms CPU/request`;
  const ratio = (baseline: SideFigures) => roundRatios(a64!, baseline);
  const vsYoga = ratio(yoga!);
  const vsMercurius = ratio(mercurius!);
  const vsCeiling = ratio(ceiling!);
  return [
    { name: `${label}: raw node:http, precomputed body (ceiling)`, value: ceiling!.perSecond, unit: 'req/s', note: cpu(ceiling!) },
    { name: `${label}: mercurius + graphql-jit, data from memory`, value: mercurius!.perSecond, unit: 'req/s', note: cpu(mercurius!) },
    { name: `${label}: bare graphql-yoga, data from memory`, value: yoga!.perSecond, unit: 'req/s', note: cpu(yoga!) },
    { name: `${label}: A64 (auth, embedded store, module ctx, jit)`, value: a64!.perSecond, unit: 'req/s', note: cpu(a64!) },
    { name: `${label}: A64 / bare yoga`, value: vsYoga.ratio, unit: '×', target: TARGETS[label], note: spreadNote(vsYoga.spread) },
    {
      name: `${label}: A64 / bare yoga, by CPU per request`,
      value: yoga!.cpuMsPerRequest / a64!.cpuMsPerRequest,
      unit: '×',
      note: 'bare yoga CPU ÷ A64 CPU per request',
    },
    {
      name: `${label}: A64 / mercurius + graphql-jit`,
      value: vsMercurius.ratio,
      unit: '×',
      target: '≥ 1 (aim)',
      note: spreadNote(vsMercurius.spread),
    },
    { name: `${label}: A64 / ceiling`, value: vsCeiling.ratio, unit: '×', note: spreadNote(vsCeiling.spread) },
  ];
}

export const modulesThroughput: BenchSection = {
  title: `List-heavy queries, 3 modules enabled, next to peers serving the same SDL and answer (${FARMS} farms × ${BLOCKS_PER_FARM} blocks; 32 autocannon clients on a worker thread; median of ${ROUNDS} alternating ${SECONDS} s rounds)`,
  async run() {
    const bundledDir = await firstPartyBundledDir();
    const platform = await startTestPlatform(LIST_BENCH_ENV, { bundledDir });
    const peers: PeerServer[] = [];
    try {
      const token = await platform.adminToken();
      await seedFarms(platform, token);
      const answers = new Map<string, unknown>();
      const texts = new Map<string, string>();
      for (const query of Object.values(FARM_QUERIES)) {
        const text = await answerText(platform, query, token);
        texts.set(query, text);
        answers.set(query, (JSON.parse(text) as { data: { farms: unknown } }).data.farms);
      }
      const schema = schemaAnsweringFromMemory(printSchema(platform.modules.schema()), answers);
      const yoga = await startBareYoga(schema);
      const mercurius = await startMercurius(schema);
      peers.push(yoga, mercurius);
      const result: BenchRow[] = [];
      for (const [label, query] of Object.entries(FARM_QUERIES) as Array<[keyof typeof FARM_QUERIES, string]>) {
        const ceiling = await startRawCeiling(texts.get(query)!);
        peers.push(ceiling);
        const body = JSON.stringify({ query });
        const sides: LoadSide[] = [
          { name: 'ceiling', url: ceiling.url, body },
          { name: 'mercurius', url: mercurius.url, body },
          { name: 'bare yoga', url: yoga.url, body },
          { name: 'A64', url: platform.graphqlUrl, body, headers: { authorization: `Bearer ${token}` } },
        ];
        result.push(...rows(label, await compareServers(sides, { rounds: ROUNDS, seconds: SECONDS })));
      }
      return result;
    } finally {
      for (const peer of peers) await peer.stop();
      await platform.stop();
      await rm(bundledDir, { recursive: true, force: true });
    }
  },
};
