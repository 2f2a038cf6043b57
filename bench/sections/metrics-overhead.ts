import { postGraphQL } from '../../src/sdk/testkit/post-graphql.js';
import { compareLoad, spreadNote } from '../load.js';
import type { BenchRow, BenchSection } from '../report.js';
import { type BenchPlatform, startBenchPlatform } from '../support/start-bench-platform.js';

const QUERIES = {
  'core { platform { version } }': '{ platform { version } }',
  'Farm Manager farms(first: 20), 20 farms': '{ farms(first: 20) { totalCount items { id name areaHectares } } }',
};

async function startSide(metrics: 'off' | 'on'): Promise<BenchPlatform> {
  const side = await startBenchPlatform({ METRICS: metrics });
  for (let i = 0; i < 20; i++) {
    await postGraphQL(
      side.started.graphqlUrl,
      'mutation($i: CreateFarmInput!) { createFarm(input: $i) { id } }',
      { i: { name: `Farm ${i}`, areaHectares: 10 } },
      side.token,
    );
  }
  return side;
}

/** What METRICS=on costs: the same requests against two platforms, metrics off and on. */
export const metricsOverhead: BenchSection = {
  title: 'Metrics overhead: METRICS=on vs off (32 keep-alive clients; median of 5 alternating 2 s rounds)',
  async run() {
    const off = await startSide('off');
    const on = await startSide('on');
    try {
      const rows: BenchRow[] = [];
      for (const [name, query] of Object.entries(QUERIES)) {
        const body = JSON.stringify({ query });
        const result = await compareLoad(
          { url: off.started.graphqlUrl, body, headers: { authorization: `Bearer ${off.token}` } },
          { url: on.started.graphqlUrl, body, headers: { authorization: `Bearer ${on.token}` } },
        );
        if (result.failures) throw new Error(`${result.failures} failed requests, first: ${result.firstFailure}`);
        rows.push(
          { name: `${name}: metrics off`, value: result.baseline, unit: 'req/s' },
          { name: `${name}: metrics on`, value: result.candidate, unit: 'req/s' },
          { name: `${name}: on / off`, value: result.ratio, unit: '×', target: '≥ 0.95', note: spreadNote(result.spread) },
        );
      }
      return rows;
    } finally {
      for (const side of [off, on]) await side.stop();
    }
  },
};
