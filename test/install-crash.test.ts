import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.js';
import { gql } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry, simpleModule } from './support/installer-registry.js';
import { spawnServer } from './support/spawn-server.js';

const PASSWORD = 'crash-test-password';
const LOGIN = `mutation { login(email: "admin@localhost.local", password: "${PASSWORD}") { token } }`;

/** Resolves when the server reports `step` for `module` on moduleEvents. */
async function whenStep(graphqlUrl: string, token: string, module: string, step: string): Promise<void> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'subscription { moduleEvents { module step } }' }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`events ended before ${step}`);
    text += decoder.decode(value, { stream: true });
    if (text.includes(`"module":"${module}","step":"${step}"`)) return;
  }
}

describe('crash safety: kill -9 during an install, then restart', () => {
  let registry: InstallerRegistry;
  let root: string;
  let hangMarker: string;

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    root = await mkdtemp(path.join(tmpdir(), 'a64-crash-'));
    hangMarker = path.join(root, 'hang');
    await registry.publish(simpleModule('slow_download', '1.0.0', 'slowDownload', 'ok'));
    await registry.publish({
      ...simpleModule('big_one', '1.0.0', 'bigOne', 'ok', `padding: '${randomBytes(3_000_000).toString('base64')}',`),
    });
    await registry.publish({
      name: 'hangs_in_enable',
      version: '1.0.0',
      source: `import { existsSync } from 'node:fs';
export default {
  typeDefs: 'extend type Query { hangsInEnable: String }',
  resolvers: { Query: { hangsInEnable: () => 'ok' } },
  async onEnable() { if (existsSync(${JSON.stringify(hangMarker)})) await new Promise((resolve) => setTimeout(resolve, 60_000)); },
};`,
    });
  }, 60_000);
  afterAll(async () => {
    await registry?.close();
    await rm(root, { recursive: true, force: true });
  });

  async function crashDuring(name: string, step: string, prepare: () => Promise<void> = async () => {}, afterCrash: () => void = () => {}) {
    const dataDir = path.join(root, `data-${name}`);
    const env = { ...registry.env, DATA_DIR: dataDir, ADMIN_PASSWORD: PASSWORD, MODULE_HOOK_TIMEOUT_MS: '120000' };
    const first = await spawnServer(env);
    const url = `${first.url}/graphql`;
    const token = (await gql<{ login: { token: string } }>(url, LOGIN)).data!.login.token;
    await prepare();
    const reached = whenStep(url, token, name, step);
    await new Promise((resolve) => setTimeout(resolve, 200));
    void gql(url, `mutation { installModule(input: { name: "${name}" }) { state } }`, {}, token).catch(() => {});
    await reached;
    await new Promise((resolve) => setTimeout(resolve, 150));
    await first.kill();
    afterCrash();

    const second = await spawnServer(env);
    const url2 = `${second.url}/graphql`;
    const token2 = (await gql<{ login: { token: string } }>(url2, LOGIN)).data!.login.token;
    const state = await gql<{ module: { state: string; installed: boolean } }>(
      url2,
      `{ module(name: "${name}") { state installed } }`,
      {},
      token2,
    );
    expect(state.data?.module).toEqual({ state: 'AVAILABLE', installed: false });
    expect(await readdir(path.join(dataDir, 'staging')).catch(() => [])).toEqual([]);
    expect(await readdir(path.join(dataDir, 'modules')).catch(() => [])).toEqual([]);
    await rm(hangMarker, { force: true });
    const again = await gql<{ installModule: { state: string } }>(
      url2,
      `mutation { installModule(input: { name: "${name}" }) { state } }`,
      {},
      token2,
    );
    expect(again.data?.installModule.state, JSON.stringify(again.errors)).toBe('ENABLED');
    expect(await second.stop()).toBe(0);

    const store = await openStore({ dataDir });
    try {
      const operations = await store.collection('module_operations').find({ module: name }, { sort: { startedAt: 1 } });
      expect(operations.map((operation) => operation.status)).toEqual(['FAILED', 'SUCCEEDED']);
      expect(String(operations[0]?.message)).toContain('Interrupted by a restart');
      expect(await store.collection('module_locks').countDocuments({})).toBe(0);
      expect(await store.collection('installed_modules').countDocuments({ name })).toBe(1);
    } finally {
      await store.close();
    }
  }

  it('recovers from a crash during DOWNLOAD', async () => {
    registry.server.override('/slow_download/1.0.0/slow_download-1.0.0.tar.gz', (_request, response) => {
      // Headers and a few bytes, then nothing: the download hangs until the process dies.
      response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': '100000' });
      response.write(Buffer.alloc(10));
    });
    await crashDuring(
      'slow_download',
      'DOWNLOAD',
      async () => {},
      () => registry.server.override('/slow_download/1.0.0/slow_download-1.0.0.tar.gz', null),
    );
  }, 60_000);

  it('recovers from a crash during EXTRACT', async () => {
    await crashDuring('big_one', 'EXTRACT');
  }, 60_000);

  it('recovers from a crash during ACTIVATE (the module was placed and its onEnable running)', async () => {
    await crashDuring('hangs_in_enable', 'ACTIVATE', () => writeFile(hangMarker, 'hang'));
  }, 60_000);
});
