import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.js';
import { createPlatform } from '../src/platform/create-platform.js';
import { subscribeModuleEvents } from './support/module-events.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

/** The value of one sample line (`name{labels} value`), or null when absent. */
function sample(text: string, line: string): number | null {
  const found = text.split('\n').find((candidate) => candidate.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : null;
}

describe('/metrics (METRICS=on)', () => {
  let platform: TestPlatform;
  let admin: string;
  const scrape = async () => {
    const response = await fetch(`${platform.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  beforeAll(async () => {
    platform = await startTestPlatform({
      METRICS: 'on',
      MAX_SUBSCRIPTIONS_PER_USER: '1',
      LOGIN_MAX_FAILURES: '1',
      LOGIN_BLOCK_SECONDS: '600',
    });
    admin = await platform.adminToken();
  });
  afterAll(() => platform.stop());

  it('counts requests and errors by operation type and code, with a latency histogram', async () => {
    await platform.gql('{ platform { version } }');
    await platform.gql('{ users { email } }');
    await platform.gql('{ nope }');
    const text = await scrape();
    expect(sample(text, 'a64_graphql_requests_total{operation="query"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'a64_graphql_requests_total{operation="mutation"}')).toBeGreaterThanOrEqual(1); // the admin login
    expect(sample(text, 'a64_graphql_errors_total{operation="query",code="UNAUTHENTICATED"}')).toBe(1);
    expect(sample(text, 'a64_graphql_errors_total{operation="invalid",code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, 'a64_graphql_request_duration_seconds_count{operation="query"}')).toBeGreaterThanOrEqual(2);
    expect(text).toContain('a64_process_resident_memory_bytes');
  });

  it('counts schema swaps, module operations by kind and outcome, module resolver calls and store calls', async () => {
    await platform.gql('{ farms { totalCount } }', {}, admin);
    await platform.gql('mutation { disableModule(name: "farm_manager") { state } }', {}, admin);
    await platform.gql('mutation { enableModule(name: "farm_manager") { state } }', {}, admin);
    await platform.gql('mutation { enableModule(name: "nowhere") { state } }', {}, admin);
    const text = await scrape();
    expect(sample(text, 'a64_schema_swaps_total')).toBe(2);
    expect(sample(text, 'a64_module_operations_total{kind="DISABLE",outcome="SUCCEEDED"}')).toBe(1);
    expect(sample(text, 'a64_module_operations_total{kind="ENABLE",outcome="SUCCEEDED"}')).toBe(1);
    expect(sample(text, 'a64_module_resolver_duration_seconds_count{module="farm_manager"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'a64_store_operation_duration_seconds_count{operation="findOne"}')).toBeGreaterThan(0);
  });

  it('counts limit refusals (sign-in throttling, subscription caps) and open subscription streams', async () => {
    const login = 'mutation { login(email: "nobody@example.test", password: "wrong password!") { token } }';
    for (let attempt = 0; attempt < 3; attempt += 1) await platform.gql(login);
    const open = await subscribeModuleEvents(platform.graphqlUrl, admin);
    const refused = await subscribeModuleEvents(platform.graphqlUrl, admin);
    await refused.ended;
    const text = await scrape();
    expect(sample(text, 'a64_rate_limited_total{limit="subscriptions_per_user"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'a64_rate_limited_total{limit="login"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'a64_graphql_errors_total{operation="mutation",code="RATE_LIMITED"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'a64_subscriptions_open')).toBe(1);
    open.close();
  });

  it('is ready only while the store answers', async () => {
    const ready = await fetch(`${platform.url}/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    const store = platform.store as { listCollections: () => Promise<string[]> };
    const original = store.listCollections;
    store.listCollections = () => Promise.reject(new Error('store down'));
    try {
      const down = await fetch(`${platform.url}/ready`);
      expect([down.status, await down.json()]).toEqual([503, { status: 'starting' }]);
      expect((await fetch(`${platform.url}/health`)).status).toBe(200);
    } finally {
      store.listCollections = original;
    }
  });
});

describe('/metrics protection', () => {
  it('is absent with METRICS=off (the default)', async () => {
    const platform = await startTestPlatform();
    try {
      expect((await fetch(`${platform.url}/metrics`)).status).toBe(404);
    } finally {
      await platform.stop();
    }
  });

  it('with METRICS=token:<file> answers only the Bearer token from that file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'a64-metrics-'));
    const tokenFile = path.join(dir, 'metrics.token');
    await writeFile(tokenFile, 'a-long-scrape-secret-0123456789\n', { mode: 0o600 });
    const platform = await startTestPlatform({ METRICS: `token:${tokenFile}` });
    try {
      const without = await fetch(`${platform.url}/metrics`);
      expect(without.status).toBe(401);
      expect(await without.text()).not.toContain('a64_');
      expect((await fetch(`${platform.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const withToken = await fetch(`${platform.url}/metrics`, { headers: { authorization: 'Bearer a-long-scrape-secret-0123456789' } });
      expect(withToken.status).toBe(200);
      expect(await withToken.text()).toContain('a64_graphql_requests_total');
    } finally {
      await platform.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start when the token file is missing, naming METRICS', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'a64-metrics-'));
    const platform = createPlatform(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', METRICS: 'token:/nonexistent/token' }));
    try {
      await expect(platform.start()).rejects.toThrow(/METRICS: cannot read the secret file \/nonexistent\/token/);
    } finally {
      await platform.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
