import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.js';
import { gql } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry, simpleModule } from './support/installer-registry.js';
import { subscribeModuleEvents } from './support/module-events.js';
import { type ServerProcess, spawnServer } from './support/spawn-server.js';

const PASSWORD = 'crash-test-password';
const LOGIN = `mutation { login(email: "admin@localhost.local", password: "${PASSWORD}") { token } }`;

describe('crash safety: kill -9 during an install, then restart', () => {
  let registry: InstallerRegistry;
  let root: string;
  let hangMarker: string;

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    root = await mkdtemp(path.join(tmpdir(), 'a64-crash-'));
    hangMarker = path.join(root, 'hang');
    await registry.publish(simpleModule('slow_download', '1.0.0', 'slowDownload', 'ok'));
    // Many files unpacked into staging; TEST_PAUSE_AT_STEP=EXTRACT holds the operation right after unpacking.
    await registry.publish({
      ...simpleModule('big_one', '1.0.0', 'bigOne', 'ok'),
      extraFiles: Array.from({ length: 300 }, (_, i) => ({ path: `data/${i % 50}/${i}.bin`, data: randomBytes(4096) })),
    });
    await registry.publish({
      name: 'hangs_in_enable',
      version: '1.0.0',
      source: `import { existsSync } from 'node:fs';
export default {
  typeDefs: 'extend type Query { hangsInEnable: String }',
  resolvers: { Query: { hangsInEnable: () => 'ok' } },
  async onEnable() {
    if (!existsSync(${JSON.stringify(hangMarker)})) return;
    console.log('hangs_in_enable: onEnable is hanging');
    await new Promise(() => {});
  },
};`,
    });
    const ledger = (version: string, migration: string) => ({
      name: 'crash_ledger',
      version,
      manifest: { database_collections: ['crash_entries'] },
      source: `import { existsSync } from 'node:fs';
export default {
  typeDefs: 'extend type Query { crashEntries: [String!]! } extend type Mutation { addCrashEntry(text: String!): Boolean! }',
  resolvers: {
    Query: { crashEntries: async (_p, _a, ctx) => (await ctx.module.store.collection('crash_entries').find({}, { sort: { text: 1 } })).map((e) => e.text) },
    Mutation: { addCrashEntry: async (_p, { text }, ctx) => { await ctx.module.store.collection('crash_entries').insertOne({ text }); return true; } },
  },
  migrations: [${migration}],
};`,
    });
    await registry.publish(ledger('1.0.0', ''));
    // Rewrites every entry, then (while the marker exists) hangs: the process dies mid-migration.
    await registry.publish(
      ledger(
        '2.0.0',
        `{ id: 'rewrite', async up(m) {
  const entries = m.store.collection('crash_entries');
  for (const e of await entries.find({})) await entries.updateOne({ _id: e._id }, { $set: { text: e.text + ' (v2)' } });
  await entries.insertOne({ text: 'added by v2' });
  if (!existsSync(${JSON.stringify(hangMarker)})) return;
  console.log('crash_ledger: entries rewritten, hanging');
  await new Promise(() => {});
} }`,
      ),
    );
  }, 60_000);
  afterAll(async () => {
    await registry?.close();
    await rm(root, { recursive: true, force: true });
  });

  /**
   * Kills the first server once `killWhen` says the operation is where the test wants it (an
   * event, a line the module printed, the pause point): never after a guessed delay.
   */
  async function crashDuring(
    name: string,
    step: string,
    options: {
      prepare?: () => Promise<void>;
      afterCrash?: () => void;
      firstEnv?: Record<string, string>;
      killWhen?: (server: ServerProcess) => Promise<unknown>;
    } = {},
  ) {
    const { prepare = async () => {}, afterCrash = () => {}, firstEnv = {}, killWhen = async () => {} } = options;
    const dataDir = path.join(root, `data-${name}`);
    const env = { ...registry.env, DATA_DIR: dataDir, ADMIN_PASSWORD: PASSWORD, MODULE_HOOK_TIMEOUT_MS: '120000' };
    const first = await spawnServer({ ...env, ...firstEnv });
    const url = `${first.url}/graphql`;
    const token = (await gql<{ login: { token: string } }>(url, LOGIN)).data!.login.token;
    await prepare();
    const events = await subscribeModuleEvents(url, token);
    void gql(url, `mutation { installModule(input: { name: "${name}" }) { state } }`, {}, token).catch(() => {});
    await events.until(name, (event) => event.step === step);
    await killWhen(first);
    await first.kill();
    events.close();
    // Killed in the middle of the step: the operation had not ended.
    expect(events.eventsOf(name).every((event) => event.status === 'RUNNING')).toBe(true);
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
      // The journal shows where the first attempt was when the process died.
      expect(operations[0]?.step).toBe(step);
      expect(await store.collection('module_locks').countDocuments({})).toBe(0);
      expect(await store.collection('installed_modules').countDocuments({ name })).toBe(1);
    } finally {
      await store.close();
    }
  }

  it('recovers from a crash during DOWNLOAD', async () => {
    let started!: () => void;
    const downloading = new Promise<void>((resolve) => {
      started = resolve;
    });
    registry.server.override('/slow_download/1.0.0/slow_download-1.0.0.tar.gz', (_request, response) => {
      // Headers and a few bytes, then nothing: the download hangs until the process dies.
      response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': '100000' });
      response.write(Buffer.alloc(10), () => started());
    });
    await crashDuring('slow_download', 'DOWNLOAD', {
      killWhen: () => downloading,
      afterCrash: () => registry.server.override('/slow_download/1.0.0/slow_download-1.0.0.tar.gz', null),
    });
  }, 60_000);

  it('recovers from a crash during EXTRACT (the package unpacked into staging)', async () => {
    await crashDuring('big_one', 'EXTRACT', {
      firstEnv: { TEST_PAUSE_AT_STEP: 'EXTRACT' },
      killWhen: (server) => server.waitForOutput(/big_one: paused at EXTRACT/),
    });
  }, 60_000);

  it('recovers from a crash during ACTIVATE (the module was placed and its onEnable running)', async () => {
    await crashDuring('hangs_in_enable', 'ACTIVATE', {
      prepare: () => writeFile(hangMarker, 'hang'),
      killWhen: (server) => server.waitForOutput(/hangs_in_enable: onEnable is hanging/),
    });
  }, 60_000);

  it('restores the data a migration had half rewritten when killed during an upgrade', async () => {
    const dataDir = path.join(root, 'data-upgrade');
    const env = { ...registry.env, DATA_DIR: dataDir, ADMIN_PASSWORD: PASSWORD, MODULE_HOOK_TIMEOUT_MS: '120000' };
    const first = await spawnServer(env);
    const url = `${first.url}/graphql`;
    const token = (await gql<{ login: { token: string } }>(url, LOGIN)).data!.login.token;
    const q = <T = Record<string, unknown>>(target: string, bearer: string, query: string) => gql<T>(target, query, {}, bearer);
    expect(
      (await q(url, token, 'mutation { installModule(input: { name: "crash_ledger", version: "1.0.0" }) { state } }')).errors,
    ).toBeUndefined();
    for (const text of ['alpha', 'beta', 'gamma']) await q(url, token, `mutation { addCrashEntry(text: "${text}") }`);
    expect(await readdir(path.join(dataDir, 'modules', 'crash_ledger'))).toEqual(['1.0.0']);

    await writeFile(hangMarker, 'hang');
    const events = await subscribeModuleEvents(url, token);
    void q(url, token, 'mutation { upgradeModule(name: "crash_ledger", version: "2.0.0") { version } }').catch(() => {});
    await events.until('crash_ledger', (event) => event.step === 'ACTIVATE');
    await first.waitForOutput(/crash_ledger: entries rewritten, hanging/);
    await first.kill();
    events.close();
    await rm(hangMarker, { force: true });
    // The migration had already rewritten entries on disk when the process died.
    expect(await readFile(path.join(dataDir, 'store', 'crash_entries.db'), 'utf8')).toContain('alpha (v2)');

    const second = await spawnServer(env);
    const url2 = `${second.url}/graphql`;
    const token2 = (await gql<{ login: { token: string } }>(url2, LOGIN)).data!.login.token;
    const after = await q<{ crashEntries: string[]; module: { version: string; state: string } }>(
      url2,
      token2,
      '{ crashEntries module(name: "crash_ledger") { version state } }',
    );
    expect(after.data).toEqual({ crashEntries: ['alpha', 'beta', 'gamma'], module: { version: '1.0.0', state: 'ENABLED' } });
    expect(await readdir(path.join(dataDir, 'modules', 'crash_ledger'))).toEqual(['1.0.0']);
    expect(await readdir(path.join(dataDir, 'staging')).catch(() => [])).toEqual([]);

    const upgraded = await q(url2, token2, 'mutation { upgradeModule(name: "crash_ledger", version: "2.0.0") { version } }');
    expect(upgraded.errors).toBeUndefined();
    expect((await q<{ crashEntries: string[] }>(url2, token2, '{ crashEntries }')).data?.crashEntries).toEqual([
      'added by v2',
      'alpha (v2)',
      'beta (v2)',
      'gamma (v2)',
    ]);
    expect(await second.stop()).toBe(0);
    const store = await openStore({ dataDir });
    try {
      expect((await store.collection('module_migrations').find({ module: 'crash_ledger' })).map((m) => m.id)).toEqual(['rewrite']);
      const operations = await store
        .collection('module_operations')
        .find({ module: 'crash_ledger', kind: 'UPGRADE' }, { sort: { startedAt: 1 } });
      expect(operations.map((operation) => `${operation.step}:${operation.status}`)).toEqual(['ACTIVATE:FAILED', 'DONE:SUCCEEDED']);
    } finally {
      await store.close();
    }
  }, 60_000);
});
