import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packModule, publishPackage } from '../src/packaging/index.js';
import { generateSigningKeyPair } from '../src/plugins/registry/index.js';
import { createRegistryStateRepo } from '../src/plugins/registry/registry-state-repo.js';
import { openStore } from '../src/store/open-store.js';
import { HELLO_WORLD_DIR, startRegistryServer, type TestRegistryServer } from './fixtures/registry-server.js';

describe('registry static server', () => {
  let work: string;
  let server: TestRegistryServer;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'a64-serve-'));
    const keys = await generateSigningKeyPair();
    const registry = path.join(work, 'registry');
    await publishPackage((await packModule(HELLO_WORLD_DIR, path.join(work, 'out'))).file, registry, keys.privateJwk);
    await writeFile(path.join(work, 'secret.json'), '{"secret":true}');
    await symlink(path.join(work, 'secret.json'), path.join(registry, 'leak.json'));
    server = await startRegistryServer(registry);
  });
  afterAll(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  it('serves the registry files with their content types', async () => {
    const expected: Record<string, string> = {
      '/catalog.json': 'application/json',
      '/catalog.json.sig': 'application/jose',
      '/revocations.json.sig': 'application/jose',
      '/hello_world/latest.json': 'application/json',
      '/hello_world/1.0.0/checksums.txt': 'text/plain; charset=utf-8',
      '/hello_world/1.0.0/hello_world-1.0.0.tar.gz': 'application/gzip',
    };
    for (const [file, type] of Object.entries(expected)) {
      const response = await fetch(`${server.url}${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type'), file).toBe(type);
      expect(Number(response.headers.get('content-length'))).toBe((await response.arrayBuffer()).byteLength);
    }
    const head = await fetch(`${server.url}/catalog.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404 for directories, unknown files, escapes and symlinks out of the registry; 405 for writes', async () => {
    for (const file of [
      '/',
      '/hello_world/',
      '/hello_world',
      '/nope.json',
      '/..%2fsecret.json',
      '/hello_world/..%2f..%2fsecret.json',
      '/leak.json',
      '/%2e%2e/secret.json',
    ]) {
      const response = await fetch(`${server.url}${file}`);
      expect(response.status, file).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
    expect((await fetch(`${server.url}/catalog.json`, { method: 'PUT', body: '{}' })).status).toBe(405);
  });
});

describe('registry state in the document store', () => {
  it('persists the highest version and the last good catalog across store reopen', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'a64-state-'));
    try {
      const fetchedAt = new Date('2026-01-02T03:04:05.000Z');
      let store = await openStore({ dataDir });
      await createRegistryStateRepo(store, 'key-1').save({ highestVersion: 12, lastGood: { catalogText: '{"version":12}', fetchedAt } });
      await createRegistryStateRepo(store, 'key-1').save({ highestVersion: 13, lastGood: { catalogText: '{"version":13}', fetchedAt } });
      await store.close();
      store = await openStore({ dataDir });
      expect(await createRegistryStateRepo(store, 'key-1').load()).toEqual({
        highestVersion: 13,
        lastGood: { catalogText: '{"version":13}', fetchedAt },
      });
      expect(await createRegistryStateRepo(store, 'key-2').load()).toBeNull();
      await store.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
