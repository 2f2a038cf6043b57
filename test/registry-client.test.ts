import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isPlatformError } from '../src/errors/index.js';
import { packModule, publishPackage, sha256File } from '../src/packaging/index.js';
import {
  type Catalog,
  createMemoryRegistryState,
  createRegistryClient,
  generateSigningKeyPair,
  type RegistryClientOptions,
  type SigningKeyPair,
  signDetached,
} from '../src/plugins/registry/index.js';
import { bytesAnswer, HELLO_WORLD_DIR, startRegistryServer, type TestRegistryServer } from './fixtures/registry-server.js';

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isPlatformError(error)) return { code: error.code, message: error.message };
    return { code: `not a platform error: ${(error as Error).message}`, message: '' };
  }
  return { code: 'no error', message: '' };
}

describe('registry client against a real registry over HTTP', () => {
  let work: string;
  let registryDir: string;
  let keys: SigningKeyPair;
  let server: TestRegistryServer;
  let catalogText: string;
  let catalog: Catalog;
  let packageSha: string;

  const client = (extra: Partial<RegistryClientOptions> = {}) =>
    createRegistryClient({
      url: server.url,
      publicKey: keys.publicJwk,
      ttlSeconds: 60,
      state: createMemoryRegistryState(),
      fetchTimeoutMs: 2000,
      ...extra,
    });

  /** Serves `catalog.json` + a valid signature over exactly these bytes. */
  async function serveSignedCatalog(text: string, signer = keys) {
    server.override('/catalog.json', bytesAnswer(text));
    server.override('/catalog.json.sig', bytesAnswer(await signDetached(Buffer.from(text), signer.privateJwk), 200, 'application/jose'));
  }

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'a64-registry-client-'));
    registryDir = path.join(work, 'registry');
    keys = await generateSigningKeyPair();
    const packed = await packModule(HELLO_WORLD_DIR, path.join(work, 'packages'));
    await publishPackage(packed.file, registryDir, keys.privateJwk);
    packageSha = packed.sha256;
    catalogText = await readFile(path.join(registryDir, 'catalog.json'), 'utf8');
    catalog = JSON.parse(catalogText);
    server = await startRegistryServer(registryDir);
  });
  afterAll(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });
  beforeEach(() => {
    for (const file of [
      '/catalog.json',
      '/catalog.json.sig',
      '/revocations.json',
      '/revocations.json.sig',
      '/hello_world/1.0.0/hello_world-1.0.0.tar.gz',
    ]) {
      server.override(file, null);
    }
  });

  it('fetches and verifies the published catalog, with or without a trailing slash in the URL', async () => {
    const fetched = await client().getCatalog({ fresh: true });
    expect(fetched.modules.map((module) => [module.name, module.latest])).toEqual([['hello_world', '1.0.0']]);
    expect(fetched.modules[0]!.versions[0]).toMatchObject({
      sha256: packageSha,
      core: '>=1.0.0',
      dependencies: {},
      licenseRequired: false,
      licenseType: null,
    });
    const slashed = await client({ url: `${server.url}/` }).getCatalog({ fresh: true });
    expect(slashed).toEqual(fetched);
    const revocations = await client().getRevocations();
    expect(revocations.revoked).toEqual([]);
  });

  it('refuses tampered catalog bytes with SIGNATURE_INVALID', async () => {
    const tampered = catalogText.replace('A tiny module', 'An evil module');
    expect(tampered).not.toBe(catalogText);
    server.override('/catalog.json', bytesAnswer(tampered));
    expect((await errorOf(client().getCatalog({ fresh: true }))).code).toBe('SIGNATURE_INVALID');
  });

  it('refuses a catalog signed by another key, and one without a .sig', async () => {
    const intruder = await generateSigningKeyPair();
    await serveSignedCatalog(catalogText, intruder);
    const wrongKey = await errorOf(client().getCatalog({ fresh: true }));
    expect(wrongKey.code).toBe('SIGNATURE_INVALID');
    expect(wrongKey.message).toContain(intruder.kid);
    server.override('/catalog.json', null);
    server.override('/catalog.json.sig', bytesAnswer('Not found\n', 404, 'text/plain'));
    const missing = await errorOf(client().getCatalog({ fresh: true }));
    expect(missing.code).toBe('SIGNATURE_INVALID');
    expect(missing.message).toContain('missing');
  });

  it('refuses an expired catalog with CATALOG_EXPIRED', async () => {
    await serveSignedCatalog(JSON.stringify({ ...catalog, expires: new Date(Date.now() - 60_000).toISOString() }));
    const expired = await errorOf(client().getCatalog({ fresh: true }));
    expect(expired.code).toBe('CATALOG_EXPIRED');
    // The message names the fix, for the registry's owner.
    expect(expired.message).toContain('a64 registry resign <registry dir> --key <private.jwk.json>');
  });

  it('remembers the highest version and refuses an older catalog (rollback)', async () => {
    const state = createMemoryRegistryState();
    const registry = client({ state });
    await serveSignedCatalog(JSON.stringify({ ...catalog, version: 7 }));
    expect((await registry.getCatalog({ fresh: true })).version).toBe(7);
    expect((await state.load())?.highestVersion).toBe(7);
    await serveSignedCatalog(JSON.stringify({ ...catalog, version: 3 }));
    const rollback = await errorOf(registry.getCatalog({ fresh: true }));
    expect(rollback.code).toBe('CATALOG_ROLLBACK');
    expect(rollback.message).toContain('version 3');
    // A new client (a restart) with the same state refuses it too.
    expect((await errorOf(client({ state }).getCatalog({ fresh: true }))).code).toBe('CATALOG_ROLLBACK');
  });

  it('reports malformed JSON and a wrong shape as REGISTRY_UNAVAILABLE with a clear message', async () => {
    await serveSignedCatalog('{"version": 1, "modules": [');
    const malformed = await errorOf(client().getCatalog({ fresh: true }));
    expect(malformed.code).toBe('REGISTRY_UNAVAILABLE');
    expect(malformed.message).toContain('not valid JSON');
    await serveSignedCatalog(JSON.stringify({ version: 'one', modules: [] }));
    expect(await errorOf(client().getCatalog({ fresh: true }))).toMatchObject({ code: 'REGISTRY_UNAVAILABLE' });
  });

  it('refuses oversized responses, with and without Content-Length', async () => {
    const declared = await errorOf(client({ maxCatalogBytes: 100 }).getCatalog({ fresh: true }));
    expect(declared.code).toBe('REGISTRY_UNAVAILABLE');
    expect(declared.message).toContain('100');
    server.override('/catalog.json', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let i = 0; i < 40; i++) response.write(chunk);
      response.end('{}');
    });
    const streamed = await errorOf(client({ maxCatalogBytes: 1024 * 1024 }).getCatalog({ fresh: true }));
    expect(streamed.code).toBe('REGISTRY_UNAVAILABLE');
    expect(streamed.message).toContain('larger than');
  });

  it('gives up on a hung registry after the timeout, and on 5xx', async () => {
    server.override('/catalog.json', () => {
      // Never answers.
    });
    const hung = await errorOf(client({ fetchTimeoutMs: 300 }).getCatalog({ fresh: true }));
    expect(hung.code).toBe('REGISTRY_UNAVAILABLE');
    // The message names the timeout that fired (the default is far longer than the test's limit).
    expect(hung.message).toContain('300 ms');
    server.override('/catalog.json', bytesAnswer('oops', 502, 'text/plain'));
    expect((await errorOf(client().getCatalog({ fresh: true }))).code).toBe('REGISTRY_UNAVAILABLE');
  });

  it('keeps listing from the last good copy while the registry is down, but installs need it', async () => {
    const state = createMemoryRegistryState();
    const registry = client({ state, ttlSeconds: 0 });
    await registry.getCatalog({ fresh: true });
    server.override('/catalog.json', bytesAnswer('down', 503, 'text/plain'));
    const listed = await registry.getCatalog({ fresh: false });
    expect(listed.modules[0]!.name).toBe('hello_world');
    expect(registry.status().stale).toBe(true);
    expect((await errorOf(registry.getCatalog({ fresh: true }))).code).toBe('REGISTRY_UNAVAILABLE');
    // After a restart the last good copy comes from the saved state.
    const restarted = client({ state, ttlSeconds: 0 });
    expect((await restarted.getCatalog({ fresh: false })).modules[0]!.name).toBe('hello_world');
    // Without any good copy, listing fails too.
    expect((await errorOf(client({ ttlSeconds: 0 }).getCatalog({ fresh: false }))).code).toBe('REGISTRY_UNAVAILABLE');
  });

  it('reuses a catalog younger than the TTL for listings, and always refetches for installs', async () => {
    const registry = client({ ttlSeconds: 60 });
    const count = () => server.hits.filter((hit) => hit === '/catalog.json').length;
    await registry.getCatalog({ fresh: true });
    const before = count();
    await registry.getCatalog({ fresh: false });
    await registry.getCatalog({ fresh: false });
    expect(count()).toBe(before);
    await registry.getCatalog({ fresh: true });
    expect(count()).toBe(before + 1);
  });

  it('downloads a package checked against the signed entry, reporting progress', async () => {
    const registry = client();
    const entry = (await registry.getCatalog({ fresh: true })).modules[0]!.versions[0]!;
    const dest = path.join(work, 'download.tar.gz');
    const progress: number[] = [];
    const result = await registry.downloadPackage({ name: 'hello_world', ...entry }, dest, {
      maxBytes: 1024 * 1024,
      timeoutMs: 2000,
      onProgress: (bytes, total) => {
        expect(total).toBe(entry.size);
        progress.push(bytes);
      },
    });
    expect(result).toEqual({ sha256: entry.sha256, size: entry.size });
    expect(await sha256File(dest)).toBe(entry.sha256);
    expect(progress.at(-1)).toBe(entry.size);
  });

  it('turns altered package bytes into CHECKSUM_MISMATCH and removes the partial file', async () => {
    const registry = client();
    const entry = (await registry.getCatalog({ fresh: true })).modules[0]!.versions[0]!;
    const tarball = '/hello_world/1.0.0/hello_world-1.0.0.tar.gz';
    const original = await readFile(path.join(registryDir, tarball));
    const flipped = Buffer.from(original);
    flipped[flipped.length - 20]! ^= 0xff;
    const dest = path.join(work, 'bad.tar.gz');
    const options = { maxBytes: 1024 * 1024, timeoutMs: 2000 };
    server.override(tarball, bytesAnswer(flipped, 200, 'application/gzip'));
    const sameSize = await errorOf(registry.downloadPackage({ name: 'hello_world', ...entry }, dest, options));
    expect(sameSize.code).toBe('CHECKSUM_MISMATCH');
    expect(existsSync(dest)).toBe(false);
    server.override(tarball, bytesAnswer(Buffer.concat([original, Buffer.alloc(4096)]), 200, 'application/gzip'));
    expect((await errorOf(registry.downloadPackage({ name: 'hello_world', ...entry }, dest, options))).code).toBe('CHECKSUM_MISMATCH');
    expect(existsSync(dest)).toBe(false);
  });

  it('answers VERSION_NOT_FOUND when a listed version is missing on the server', async () => {
    const registry = client();
    const entry = (await registry.getCatalog({ fresh: true })).modules[0]!.versions[0]!;
    server.override('/hello_world/1.0.0/hello_world-1.0.0.tar.gz', bytesAnswer('Not found\n', 404, 'text/plain'));
    const dest = path.join(work, 'missing.tar.gz');
    const missing = await errorOf(
      registry.downloadPackage({ name: 'hello_world', ...entry }, dest, { maxBytes: 1024 * 1024, timeoutMs: 2000 }),
    );
    expect(missing.code).toBe('VERSION_NOT_FOUND');
    expect(existsSync(dest)).toBe(false);
  });

  it('refuses to download a package larger than the configured limit before fetching it', async () => {
    const registry = client();
    const entry = (await registry.getCatalog({ fresh: true })).modules[0]!.versions[0]!;
    const refused = await errorOf(
      registry.downloadPackage({ name: 'hello_world', ...entry }, path.join(work, 'x.tar.gz'), { maxBytes: 10, timeoutMs: 2000 }),
    );
    expect(refused.code).toBe('PACKAGE_INVALID');
  });

  it('applies the same signature, expiry and rollback rules to revocations.json', async () => {
    const state = createMemoryRegistryState();
    const signedAnswer = async (value: unknown, signer = keys) => {
      const text = JSON.stringify(value);
      server.override('/revocations.json', bytesAnswer(text));
      server.override(
        '/revocations.json.sig',
        bytesAnswer(await signDetached(Buffer.from(text), signer.privateJwk), 200, 'application/jose'),
      );
    };
    const future = new Date(Date.now() + 86_400_000).toISOString();
    await signedAnswer({ version: 4, expires: future, revoked: ['license-1'] });
    expect((await client({ state }).getRevocations({ fresh: true })).revoked).toEqual(['license-1']);
    await signedAnswer({ version: 3, expires: future, revoked: [] });
    expect((await errorOf(client({ state }).getRevocations({ fresh: true }))).code).toBe('CATALOG_ROLLBACK');
    await signedAnswer({ version: 5, expires: new Date(Date.now() - 1000).toISOString(), revoked: [] });
    expect((await errorOf(client({ state }).getRevocations({ fresh: true }))).code).toBe('CATALOG_EXPIRED');
    await signedAnswer({ version: 6, expires: future, revoked: [] }, await generateSigningKeyPair());
    expect((await errorOf(client({ state }).getRevocations({ fresh: true }))).code).toBe('SIGNATURE_INVALID');
  });
});
