import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';
import { createPlatform, type Platform, type StartedPlatform } from '../../src/platform/create-platform.js';
import { postGraphQL } from '../../src/sdk/testkit/post-graphql.js';
import { compareLoad, spreadNote } from '../load.js';
import type { BenchRow, BenchSection } from '../report.js';

const PASSWORD = 'bench-password-1';
const QUERIES = {
  'core { platform { version } }': '{ platform { version } }',
  'Farm Manager farms(first: 20), 20 farms': '{ farms(first: 20) { totalCount items { id name areaHectares } } }',
};

interface Side {
  platform: Platform;
  started: StartedPlatform;
  token: string;
  dataDir: string;
}

async function startSide(metrics: 'off' | 'on'): Promise<Side> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'a64-bench-metrics-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: 'bench@example.test',
    ADMIN_PASSWORD: PASSWORD,
    METRICS: metrics,
  });
  const platform = createPlatform(config, { logger: createLogger({ level: 'silent' }) });
  const started = await platform.start();
  const login = await postGraphQL<{ login: { token: string } }>(
    started.graphqlUrl,
    'mutation($p: String!) { login(email: "bench@example.test", password: $p) { token } }',
    { p: PASSWORD },
  );
  const token = login.data!.login.token;
  for (let i = 0; i < 20; i++) {
    await postGraphQL(
      started.graphqlUrl,
      'mutation($i: CreateFarmInput!) { createFarm(input: $i) { id } }',
      { i: { name: `Farm ${i}`, areaHectares: 10 } },
      token,
    );
  }
  return { platform, started, token, dataDir };
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
      for (const side of [off, on]) {
        await side.platform.stop();
        await rm(side.dataDir, { recursive: true, force: true });
      }
    }
  },
};
