import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDetached } from '../src/plugins/registry/index.js';
import { generateSigningKeyPair } from '../src/plugins/registry/signing-keys.js';
import { bytesAnswer } from './fixtures/registry-server.js';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry, manifestOf, simpleModule } from './support/installer-registry.js';
import { type RawEntry, rawTarGz } from './support/raw-tar.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const SAFE_INDEX = "export default { typeDefs: 'extend type Query { hostile: String }', resolvers: { Query: { hostile: () => 'x' } } };";

function hostilePackage(name: string, extra: RawEntry[]): { manifest: Record<string, unknown>; bytes: Buffer } {
  const manifest = manifestOf({ name, version: '1.0.0', source: '' });
  return {
    manifest,
    bytes: rawTarGz([
      { path: 'manifest.json', body: JSON.stringify(manifest) },
      { path: 'package.json', body: '{"type":"module"}' },
      { path: 'index.js', body: SAFE_INDEX },
      ...extra,
    ]),
  };
}

/** Everything an operation could change: files under DATA_DIR/modules and staging, records, schema version. */
async function platformState(platform: TestPlatform, token: string) {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const dir of ['modules', 'staging']) {
    const root = path.join(platform.dataDir, dir);
    const entries = await readdir(root, { recursive: true }).catch(() => [] as string[]);
    for (const entry of entries.sort()) {
      files.push(`${dir}/${entry}`);
      hash.update(entry);
      hash.update(await readFile(path.join(root, entry)).catch(() => Buffer.alloc(0)));
    }
  }
  const records = await platform.store.collection('installed_modules').find({}, { sort: { name: 1 } });
  // Every document of every collection, but the logs that record the refusals themselves and
  // the registry client's cache of the last verified catalog (refreshed by every install).
  const data: Record<string, unknown[]> = {};
  for (const name of (await platform.store.listCollections()).sort()) {
    if (['audit_log', 'module_operations', 'registry_state'].includes(name)) continue;
    const documents = await platform.store.collection(name).find({}, { sort: { _id: 1 } });
    if (documents.length > 0) data[name] = documents;
  }
  const info = await platform.gql<{ platform: { schemaVersion: number } }>('{ platform { schemaVersion } }', undefined, token);
  return { files, contents: hash.digest('hex'), records, data, schemaVersion: info.data?.platform.schemaVersion };
}

describe('hostile and broken packages are refused and change nothing', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let token: string;

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publish(simpleModule('good_one', '1.0.0', 'goodOne', 'ok'));
    const raw: Array<[string, RawEntry[]]> = [
      ['traversal', [{ path: '../../escaped.js', body: 'pwned' }]],
      ['absolute', [{ path: '/tmp/a64-absolute-escape.js', body: 'pwned' }]],
      ['symlink', [{ path: 'link.js', type: 'SymbolicLink', linkpath: '/etc/passwd' }]],
      ['hardlink', [{ path: 'hard.js', type: 'Link', linkpath: '/etc/passwd' }]],
      ['bomb', [{ path: 'zeros.bin', body: Buffer.alloc(64 * 1024 * 1024) }]],
      ['device', [{ path: 'tty', type: 'CharacterDevice' }]],
      ['fifo', [{ path: 'pipe', type: 'FIFO' }]],
      ['duplicate', [{ path: 'INDEX.js', body: 'export default {};' }]],
      ['backslash', [{ path: '..\\..\\escaped.js', body: 'pwned' }]],
      ['many_entries', Array.from({ length: 300 }, (_, i) => ({ path: `f/${i}.txt`, body: 'x' }))],
    ];
    for (const [name, extra] of raw) {
      const { manifest, bytes } = hostilePackage(name, extra);
      await registry.publishRaw(manifest, bytes);
    }
    const trailing = hostilePackage('trailing', []);
    await registry.publishRaw(
      trailing.manifest,
      rawTarGz(
        [
          { path: 'manifest.json', body: JSON.stringify(trailing.manifest) },
          { path: 'index.js', body: SAFE_INDEX },
        ],
        { trailing: Buffer.from('appended after the end of the archive') },
      ),
    );
    // The package is another version than the catalog entry it is listed under.
    const otherVersion = hostilePackage('other_version', []);
    await registry.publishRaw(
      otherVersion.manifest,
      rawTarGz([
        { path: 'manifest.json', body: JSON.stringify({ ...otherVersion.manifest, version: '1.0.1' }) },
        { path: 'index.js', body: SAFE_INDEX },
      ]),
    );
    // The package says it is another module than the catalog entry it is listed under.
    const impostor = hostilePackage('impostor_real', []);
    await registry.publishRaw({ ...impostor.manifest, module_name: 'impostor' }, impostor.bytes);
    await registry.publish({ name: 'throws_on_load', version: '1.0.0', source: "throw new Error('broken at import');" });
    // Its first migration writes data and is recorded, the second fails: both must be undone.
    await registry.publish({
      name: 'fails_migrating',
      version: '1.0.0',
      manifest: { database_collections: ['fails_migrating_items'] },
      source: `export default {
  typeDefs: 'extend type Query { failsMigrating: Int }',
  resolvers: {},
  migrations: [
    { id: 'seed', async up(m) { await m.store.collection('fails_migrating_items').insertOne({ seeded: true }); } },
    { id: 'explode', async up() { throw new Error('second migration exploded'); } },
  ],
};`,
    });
    await registry.publish({
      ...simpleModule('fails_enabling', '1.0.0', 'failsEnabling', 'x'),
      manifest: { database_collections: ['fails_enabling_items'] },
      source: `export default {
  typeDefs: 'extend type Query { failsEnabling: Int }',
  resolvers: {},
  async onEnable(m) { await m.store.collection('fails_enabling_items').insertOne({ half: true }); throw new Error('onEnable gave up'); },
};`,
    });
    await registry.publish(simpleModule('conflicting', '1.0.0', 'platform', 'mine'));
    // Farm Manager (bundled, enabled) already defines Query.farms and the type Farm; the core defines User.
    await registry.publish(simpleModule('farm_field_clash', '1.0.0', 'farms', 'mine'));
    await registry.publish({
      name: 'farm_type_clash',
      version: '1.0.0',
      source: "export default { typeDefs: 'type Farm { id: ID } extend type Query { myFarm: Farm }', resolvers: {} };",
    });
    await registry.publish({
      name: 'core_type_clash',
      version: '1.0.0',
      source: "export default { typeDefs: 'type User { id: ID } extend type Query { myUser: User }', resolvers: {} };",
    });
    await registry.publish({
      ...simpleModule('needs_missing', '1.0.0', 'needsMissing', 'x'),
      manifest: { dependencies: { core: '>=1.0.0', nowhere: '^1.0.0' } },
    });
    await registry.publish(simpleModule('tampered', '1.0.0', 'tampered', 'x'));
    platform = await startTestPlatform({
      ...registry.env,
      MAX_EXTRACTED_BYTES: String(8 * 1024 * 1024),
      MAX_PACKAGE_ENTRIES: '200',
    });
    token = await platform.adminToken();
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  const install = (name: string, version?: string) =>
    platform.gql(
      'mutation($n: String!, $v: String) { installModule(input: { name: $n, version: $v }) { state } }',
      { n: name, v: version },
      token,
    );

  it.each([
    ['traversal', 'PACKAGE_INVALID', '".." segment'],
    ['absolute', 'PACKAGE_INVALID', 'absolute path'],
    ['symlink', 'PACKAGE_INVALID', 'SymbolicLink'],
    ['hardlink', 'PACKAGE_INVALID', 'Link'],
    ['bomb', 'PACKAGE_INVALID', 'more than'],
    ['device', 'PACKAGE_INVALID', 'CharacterDevice'],
    ['fifo', 'PACKAGE_INVALID', 'FIFO'],
    ['duplicate', 'PACKAGE_INVALID', 'more than once'],
    ['backslash', 'PACKAGE_INVALID', 'backslash'],
    ['many_entries', 'PACKAGE_INVALID', 'more than 200 entries'],
    ['trailing', 'PACKAGE_INVALID', 'after the end of the archive'],
    ['impostor', 'PACKAGE_INVALID', 'does not match the signed catalog'],
    ['other_version', 'PACKAGE_INVALID', 'version 1.0.1'],
    ['throws_on_load', 'MODULE_LOAD_FAILED', 'broken at import'],
    ['fails_migrating', 'MODULE_LOAD_FAILED', 'second migration exploded'],
    ['fails_enabling', 'MODULE_LOAD_FAILED', 'onEnable gave up'],
    ['conflicting', 'SCHEMA_CONFLICT', 'Query.platform'],
    ['farm_field_clash', 'SCHEMA_CONFLICT', 'Query.farms defined by farm_manager'],
    ['farm_type_clash', 'SCHEMA_CONFLICT', 'Type Farm defined by farm_manager'],
    ['core_type_clash', 'SCHEMA_CONFLICT', 'Type User defined by the core'],
    ['needs_missing', 'DEPENDENCY_UNSATISFIED', 'nowhere'],
    ['no_such_module', 'MODULE_NOT_FOUND', 'no_such_module'],
  ])('%s → %s, state unchanged', async (name, code, reason) => {
    const before = await platformState(platform, token);
    const response = await install(name);
    expect(errorCode(response), JSON.stringify(response.errors)).toBe(code);
    expect(response.errors?.[0]?.message).toContain(reason);
    const after = await platformState(platform, token);
    expect(after).toEqual(before);
    expect(after.files.filter((file) => file.startsWith('staging/'))).toEqual([]);
  });

  it('refuses tampered bytes (CHECKSUM_MISMATCH) and an unknown version (VERSION_NOT_FOUND)', async () => {
    const before = await platformState(platform, token);
    registry.server.override(
      '/tampered/1.0.0/tampered-1.0.0.tar.gz',
      bytesAnswer(gzipSync(Buffer.from('evil bytes')), 200, 'application/gzip'),
    );
    expect(errorCode(await install('tampered'))).toBe('CHECKSUM_MISMATCH');
    // It failed while verifying (the VERIFY step is announced when the bytes are compared, not after).
    expect(await platform.store.collection('module_operations').find({ module: 'tampered' })).toMatchObject([
      { step: 'VERIFY', status: 'FAILED' },
    ]);
    registry.server.override('/tampered/1.0.0/tampered-1.0.0.tar.gz', null);
    expect(errorCode(await install('good_one', '9.9.9'))).toBe('VERSION_NOT_FOUND');
    expect(await platformState(platform, token)).toEqual(before);
  });

  it('refuses a catalog signed by another key, and an unreachable registry', async () => {
    const before = await platformState(platform, token);
    const other = await generateSigningKeyPair();
    const catalogBytes = await readFile(path.join(registry.dir, 'catalog.json'));
    registry.server.override('/catalog.json.sig', bytesAnswer(await signDetached(catalogBytes, other.privateJwk), 200, 'application/jose'));
    expect(errorCode(await install('good_one'))).toBe('SIGNATURE_INVALID');
    registry.server.override('/catalog.json.sig', null);
    registry.server.override('/catalog.json', bytesAnswer('down for maintenance', 503, 'text/plain'));
    expect(errorCode(await install('good_one'))).toBe('REGISTRY_UNAVAILABLE');
    // Listing keeps working from the last good catalog while the registry is down.
    const listed = await platform.gql<{ modules: Array<{ name: string }> }>('{ modules { name } }', undefined, token);
    expect(listed.data?.modules.map((module) => module.name)).toContain('good_one');
    registry.server.override('/catalog.json', (request) => request.socket.destroy());
    const refused = await install('good_one');
    expect(errorCode(refused)).toBe('REGISTRY_UNAVAILABLE');
    expect(refused.errors?.[0]?.message).toMatch(/registry/i);
    registry.server.override('/catalog.json', null);
    // A package download cut off mid-way is the same outage, not a corrupt package.
    registry.server.override('/good_one/1.0.0/good_one-1.0.0.tar.gz', (request, response) => {
      response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': '5000' });
      response.write(Buffer.alloc(100), () => request.socket.destroy());
    });
    expect(errorCode(await install('good_one'))).toBe('REGISTRY_UNAVAILABLE');
    registry.server.override('/good_one/1.0.0/good_one-1.0.0.tar.gz', null);
    expect(await platformState(platform, token)).toEqual(before);
  });

  it('refuses an expired catalog and one older than a catalog already accepted', async () => {
    const before = await platformState(platform, token);
    const current = JSON.parse(await readFile(path.join(registry.dir, 'catalog.json'), 'utf8'));
    const serveCatalog = async (catalog: unknown) => {
      const bytes = Buffer.from(JSON.stringify(catalog));
      registry.server.override('/catalog.json', bytesAnswer(bytes));
      registry.server.override(
        '/catalog.json.sig',
        bytesAnswer(await signDetached(bytes, registry.registryKey.privateJwk), 200, 'application/jose'),
      );
    };
    await serveCatalog({ ...current, version: current.version + 1, expires: new Date(Date.now() - 60_000).toISOString() });
    expect(errorCode(await install('good_one'))).toBe('CATALOG_EXPIRED');
    await serveCatalog({ ...current, version: current.version - 1 });
    expect(errorCode(await install('good_one'))).toBe('CATALOG_ROLLBACK');
    registry.server.override('/catalog.json', null);
    registry.server.override('/catalog.json.sig', null);
    expect(await platformState(platform, token)).toEqual(before);
  });

  it('wrote nothing outside staging and still installs a good module afterwards', async () => {
    await expect(readFile('/tmp/a64-absolute-escape.js')).rejects.toThrow();
    await expect(readFile(path.join(platform.dataDir, '..', 'escaped.js'))).rejects.toThrow();
    const ok = await install('good_one');
    expect(ok.data).toEqual({ installModule: { state: 'ENABLED' } });
    const installed = await platformState(platform, token);
    expect(installed.files).toContain('modules/good_one/1.0.0/index.js');
    expect(errorCode(await install('good_one'))).toBe('ALREADY_INSTALLED');
    expect(await platformState(platform, token)).toEqual(installed);
  });
});
