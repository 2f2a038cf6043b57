import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/command.js';
import { keysGenerateCommand } from '../src/cli/commands/keys-generate.js';
import { modulePackCommand } from '../src/cli/commands/module-pack.js';
import { registryPublishCommand } from '../src/cli/commands/registry-publish.js';
import { registryResignCommand } from '../src/cli/commands/registry-resign.js';
import { isPlatformError } from '../src/errors/index.js';
import { packModule, publishPackage, writeReproducibleTarGz } from '../src/packaging/index.js';
import {
  createMemoryRegistryState,
  createRegistryClient,
  generateSigningKeyPair,
  type SigningKeyPair,
  verifyDetached,
} from '../src/plugins/registry/index.js';
import { HELLO_WORLD_DIR, helloWorldCopy, startRegistryServer } from './fixtures/registry-server.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isPlatformError(error) ? error.code : `not a platform error: ${(error as Error).message}`;
  }
  return 'no error';
}

function io(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const value: CliIo = { stdout: (text) => (out.stdout += text), stderr: (text) => (out.stderr += text), env: {}, cwd };
  return { io: value, out };
}

describe('module pack and registry publish', () => {
  let work: string;
  let keys: SigningKeyPair;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'a64-publish-'));
    keys = await generateSigningKeyPair();
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('packs the same module twice into byte-identical tarballs, and a changed source into a different one', async () => {
    const first = await packModule(HELLO_WORLD_DIR, path.join(work, 'pack-a'));
    const second = await packModule(HELLO_WORLD_DIR, path.join(work, 'pack-b'));
    expect(path.basename(first.file)).toBe('hello_world-1.0.0.tar.gz');
    expect(second.sha256).toBe(first.sha256);
    expect(await readFile(second.file)).toEqual(await readFile(first.file));
    const changed = await packModule(await helloWorldCopy('1.0.0', '!!'), path.join(work, 'pack-c'));
    expect(changed.sha256).not.toBe(first.sha256);
  });

  it('packs manifest.json at the root, an ESM package.json and the bundled entry, with fixed owner, modes and time', async () => {
    const { file } = await packModule(HELLO_WORLD_DIR, path.join(work, 'pack-list'));
    const listing = spawnSync('tar', ['--numeric-owner', '-tvzf', file], { encoding: 'utf8' });
    expect(listing.status).toBe(0);
    const lines = listing.stdout.trim().split('\n');
    expect(lines.map((line) => line.split(/\s+/).at(-1))).toEqual(['index.js', 'manifest.json', 'package.json']);
    for (const line of lines) expect(line).toMatch(/^-rw-r--r-- 0\/0 .* 2000-01-01 00:00 /);
    const extracted = path.join(work, 'pack-list', 'x');
    await mkdir(extracted);
    spawnSync('tar', ['-xzf', file, '-C', extracted]);
    expect(JSON.parse(await readFile(path.join(extracted, 'package.json'), 'utf8')).type).toBe('module');
    const entry = await readFile(path.join(extracted, 'index.js'), 'utf8');
    expect(entry).toContain('function greeting(name)');
    expect(entry).not.toContain('a64-platform/sdk');
    // The built entry really loads as ESM and exports the module definition.
    const loaded = await import(path.join(extracted, 'index.js'));
    expect(loaded.default.resolvers.Query.hello(null, { name: 'A64' })).toBe('Hello, A64!');
  });

  it('refuses a module directory with an invalid manifest as PACKAGE_INVALID', async () => {
    const dir = await helloWorldCopy('not-a-version');
    expect(await codeOf(packModule(dir, path.join(work, 'bad')))).toBe('PACKAGE_INVALID');
  });

  it('publishes into the registry layout: latest.json is the highest semver, not the last published', async () => {
    const registry = path.join(work, 'registry-latest');
    for (const version of ['1.0.0', '1.2.0', '1.1.0', '2.0.0-beta.1']) {
      const packed = await packModule(await helloWorldCopy(version), path.join(work, 'packages'));
      await publishPackage(packed.file, registry, keys.privateJwk);
    }
    expect(JSON.parse(await readFile(path.join(registry, 'hello_world', 'latest.json'), 'utf8'))).toEqual({ version: '1.2.0' });
    const catalogBytes = await readFile(path.join(registry, 'catalog.json'));
    await verifyDetached(catalogBytes, await readFile(path.join(registry, 'catalog.json.sig'), 'utf8'), keys.publicJwk);
    const catalog = JSON.parse(catalogBytes.toString());
    expect(catalog.version).toBe(4);
    const expiresInDays = (Date.parse(catalog.expires) - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(29.9);
    expect(expiresInDays).toBeLessThanOrEqual(30);
    expect(catalog.modules[0].latest).toBe('1.2.0');
    expect(catalog.modules[0].versions.map((entry: { version: string }) => entry.version)).toEqual([
      '2.0.0-beta.1',
      '1.2.0',
      '1.1.0',
      '1.0.0',
    ]);
    // checksums.txt is real sha256sum format.
    const check = spawnSync('sha256sum', ['-c', 'checksums.txt'], { cwd: path.join(registry, 'hello_world', '1.1.0'), encoding: 'utf8' });
    expect(check.stdout).toContain('hello_world-1.1.0.tar.gz: OK');
    const revocations = JSON.parse(await readFile(path.join(registry, 'revocations.json'), 'utf8'));
    expect(revocations).toMatchObject({ version: 1, revoked: [] });
  });

  it('refuses to publish an existing name@version and leaves the catalog as it was', async () => {
    const registry = path.join(work, 'registry-dup');
    const packed = await packModule(HELLO_WORLD_DIR, path.join(work, 'dup'));
    await publishPackage(packed.file, registry, keys.privateJwk);
    const before = await readFile(path.join(registry, 'catalog.json'));
    expect(await codeOf(publishPackage(packed.file, registry, keys.privateJwk))).toBe('BAD_USER_INPUT');
    expect(await readFile(path.join(registry, 'catalog.json'))).toEqual(before);
  });

  it('refuses packages whose file name disagrees with the manifest, or with unsafe entries', async () => {
    const registry = path.join(work, 'registry-bad');
    const packed = await packModule(HELLO_WORLD_DIR, path.join(work, 'renamed'));
    const renamed = path.join(work, 'renamed', 'hello_world-9.9.9.tar.gz');
    await rename(packed.file, renamed);
    expect(await codeOf(publishPackage(renamed, registry, keys.privateJwk))).toBe('PACKAGE_INVALID');
    const evil = path.join(work, 'evil', 'hello_world-1.0.0.tar.gz');
    await mkdir(path.dirname(evil), { recursive: true });
    const manifest = await readFile(path.join(HELLO_WORLD_DIR, 'manifest.json'));
    await writeReproducibleTarGz(
      [
        { path: 'manifest.json', data: manifest },
        { path: 'index.js', data: Buffer.from('export default {}') },
        { path: '../escaped.js', data: Buffer.from('boom') },
      ],
      evil,
    );
    expect(await codeOf(publishPackage(evil, registry, keys.privateJwk))).toBe('PACKAGE_INVALID');
    expect(existsSync(path.join(work, 'escaped.js'))).toBe(false);
    expect(existsSync(path.join(registry, 'catalog.json'))).toBe(false);
  });

  it('works end to end through the CLI commands: keys generate → module pack → registry publish → serve → verified install download', async () => {
    const cwd = path.join(work, 'cli');
    await mkdir(cwd);
    const keysRun = io(cwd);
    expect(await keysGenerateCommand.run({ values: { out: 'keys' }, positionals: [] }, keysRun.io)).toBe(0);
    expect((await stat(path.join(cwd, 'keys', 'private.jwk.json'))).mode & 0o777).toBe(0o600);
    // Never overwrite an existing key by accident.
    await expect(keysGenerateCommand.run({ values: { out: 'keys' }, positionals: [] }, io(cwd).io)).rejects.toThrow(
      /already holds a key pair/,
    );

    const packRun = io(cwd);
    expect(await modulePackCommand.run({ values: { out: 'out' }, positionals: [HELLO_WORLD_DIR] }, packRun.io)).toBe(0);
    expect(packRun.out.stdout).toContain('hello_world-1.0.0.tar.gz');

    const publishRun = io(cwd);
    const publishArgs = { values: { registry: 'registry', key: 'keys/private.jwk.json' }, positionals: ['out/hello_world-1.0.0.tar.gz'] };
    expect(await registryPublishCommand.run(publishArgs, publishRun.io)).toBe(0);
    expect(publishRun.out.stdout).toContain('Published hello_world@1.0.0');
    expect(publishRun.out.stdout).not.toContain(JSON.parse(await readFile(path.join(cwd, 'keys', 'private.jwk.json'), 'utf8')).d);

    const server = await startRegistryServer(path.join(cwd, 'registry'));
    try {
      const publicKey = JSON.parse(await readFile(path.join(cwd, 'keys', 'public.jwk.json'), 'utf8'));
      const client = createRegistryClient({ url: `${server.url}/`, publicKey, ttlSeconds: 60, state: createMemoryRegistryState() });
      const catalog = await client.getCatalog({ fresh: true });
      const entry = catalog.modules[0]!.versions[0]!;
      expect(entry).toEqual({
        version: '1.0.0',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        size: expect.any(Number),
        core: '>=1.0.0',
        dependencies: {},
        licenseRequired: false,
        licenseType: null,
      });
      await client.downloadPackage({ name: 'hello_world', ...entry }, path.join(cwd, 'dl.tar.gz'), { maxBytes: 1 << 20, timeoutMs: 2000 });
      // Someone else's key cannot be trusted for this registry.
      const other = await generateSigningKeyPair();
      const stranger = createRegistryClient({
        url: server.url,
        publicKey: other.publicJwk,
        ttlSeconds: 60,
        state: createMemoryRegistryState(),
      });
      expect(await codeOf(stranger.getCatalog({ fresh: true }))).toBe('SIGNATURE_INVALID');
    } finally {
      await server.close();
    }
  });

  it('rotates the key with registry resign: the new key is trusted, the old one refused, the version grows', async () => {
    const cwd = path.join(work, 'rotate');
    await mkdir(cwd);
    const quiet = io(cwd).io;
    await keysGenerateCommand.run({ values: { out: 'old' }, positionals: [] }, quiet);
    await keysGenerateCommand.run({ values: { out: 'new' }, positionals: [] }, quiet);
    await modulePackCommand.run({ values: { out: 'out' }, positionals: [HELLO_WORLD_DIR] }, quiet);
    await registryPublishCommand.run(
      { values: { registry: 'registry', key: 'old/private.jwk.json' }, positionals: ['out/hello_world-1.0.0.tar.gz'] },
      quiet,
    );
    const resign = io(cwd);
    expect(
      await registryResignCommand.run({ values: { key: 'new/private.jwk.json', expires: '7' }, positionals: ['registry'] }, resign.io),
    ).toBe(0);
    expect(resign.out.stdout).toContain('version 2');
    const server = await startRegistryServer(path.join(cwd, 'registry'));
    try {
      const clientFor = async (dir: string) =>
        createRegistryClient({
          url: server.url,
          publicKey: JSON.parse(await readFile(path.join(cwd, dir, 'public.jwk.json'), 'utf8')),
          ttlSeconds: 60,
          state: createMemoryRegistryState(),
        });
      const catalog = await (await clientFor('new')).getCatalog({ fresh: true });
      expect(catalog.version).toBe(2);
      expect((Date.parse(catalog.expires) - Date.now()) / 86_400_000).toBeCloseTo(7, 1);
      expect(await codeOf((await clientFor('old')).getCatalog({ fresh: true }))).toBe('SIGNATURE_INVALID');
    } finally {
      await server.close();
    }
  });
});
