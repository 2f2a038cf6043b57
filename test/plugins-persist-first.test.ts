import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.js';
import { createLogger } from '../src/logging/index.js';
import { createModuleRuntime, type ModuleRuntime } from '../src/plugins/index.js';
import { openStore } from '../src/store/open-store.js';
import type { DocumentStore } from '../src/store/types.js';
import { bundledDirWith, FIXTURES } from './fixtures/runtime/runtime-server.js';

/** The real store, except that writes to `installed_modules` fail while `failing.records` is set (a full disk, a lost primary). */
function storeFailingRecords(store: DocumentStore) {
  // `records`: refuse every write; `nextWrites`: refuse only that many, then write again.
  const failing = { records: false, nextWrites: 0 };
  const refuse = async () => {
    throw new Error('the store refused the write (test)');
  };
  const wrapped = new Proxy(store, {
    get(target, property) {
      if (property !== 'collection') {
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (name: string) => {
        const collection = target.collection(name);
        if (name !== 'installed_modules') return collection;
        return new Proxy(collection, {
          get(inner, method) {
            if (method === 'updateOne' || method === 'insertOne') {
              if (failing.records) return refuse;
              if (failing.nextWrites > 0) {
                failing.nextWrites--;
                return refuse;
              }
            }
            const value = Reflect.get(inner, method);
            return typeof value === 'function' ? value.bind(inner) : value;
          },
        });
      };
    },
  });
  return { store: wrapped, failing };
}

describe('state is persisted before it is made live', () => {
  let dataDir: string;
  let bundledDir: string;
  let store: DocumentStore;
  let failing: { records: boolean; nextWrites: number };
  let runtime: ModuleRuntime;
  const queryFields = () => Object.keys(runtime.schema().getQueryType()!.getFields());
  const record = (name: string) => store.collection('installed_modules').findOne({ _id: name });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'a64-persist-'));
    bundledDir = await bundledDirWith(['counter']);
    const real = await openStore({ dataDir });
    ({ store, failing } = storeFailingRecords(real));
    runtime = createModuleRuntime({
      config: loadConfig({ DATA_DIR: dataDir, ENABLED_MODULES: 'counter' }),
      store,
      logger: createLogger({ level: 'silent' }),
      core: { typeDefs: 'type Query { ok: Boolean } type Mutation { ok: Boolean }' },
      bundledDir,
      installedDir: path.join(dataDir, 'modules'),
    });
    await runtime.start();
  });
  afterAll(async () => {
    failing.records = false;
    await runtime.stop();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(bundledDir, { recursive: true, force: true });
  });

  it('enable: a refused record write leaves the module disabled everywhere, and the next enable really enables it', async () => {
    await runtime.disable('counter');
    const version = runtime.schemaVersion();
    failing.records = true;
    await expect(runtime.enable('counter')).rejects.toThrow(/refused the write/);
    failing.records = false;
    expect(runtime.get('counter')?.state).toBe('DISABLED');
    expect(queryFields()).not.toContain('counter');
    expect(runtime.schemaVersion()).toBe(version);
    expect(await record('counter')).toMatchObject({ enabled: false });

    // Not a no-op: the failed attempt did not leave it live in memory.
    const again = await runtime.enable('counter');
    expect(again.changed).toBe(true);
    expect(again.info.state).toBe('ENABLED');
    expect(queryFields()).toContain('counter');
    expect(await record('counter')).toMatchObject({ enabled: true });
  });

  it('install and upgrade: a refused record write keeps what was live (nothing, then the old version)', async () => {
    const place = (version: string) =>
      cp(path.join(FIXTURES, 'installed', `weather-${version}`), path.join(dataDir, 'modules', 'weather', version), { recursive: true });
    await place('1.0.0');
    failing.records = true;
    await expect(runtime.activateInstalled('weather', '1.0.0', { actor: 'root@example.test' })).rejects.toThrow(/refused the write/);
    failing.records = false;
    expect(runtime.get('weather')?.state).not.toBe('ENABLED');
    expect(queryFields()).not.toContain('weather');
    expect(await record('weather')).toBeNull();

    expect(await runtime.activateInstalled('weather', '1.0.0', { actor: 'root@example.test' })).toMatchObject({ state: 'ENABLED' });
    await place('2.0.0');
    const version = runtime.schemaVersion();
    failing.records = true;
    await expect(runtime.activateInstalled('weather', '2.0.0', { actor: 'root@example.test' })).rejects.toThrow(/refused the write/);
    failing.records = false;
    expect(runtime.get('weather')).toMatchObject({ version: '1.0.0', state: 'ENABLED' });
    expect(runtime.schemaVersion()).toBe(version);
    expect(await record('weather')).toMatchObject({ version: '1.0.0', enabled: true });
  });

  it('start: a refused record write leaves the module FAILED and not served, not live behind the records’ back', async () => {
    await runtime.stop();
    failing.nextWrites = 1;
    await runtime.start();
    expect(runtime.get('counter')).toMatchObject({ state: 'FAILED' });
    expect(queryFields()).not.toContain('counter');
    expect(await record('counter')).toMatchObject({ loadError: expect.stringMatching(/refused the write/) });
    // The next start loads it again.
    await runtime.stop();
    await runtime.start();
    expect(runtime.get('counter')).toMatchObject({ state: 'ENABLED' });
    expect(queryFields()).toContain('counter');
  });
});
