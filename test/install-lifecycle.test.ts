import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry } from './support/installer-registry.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const NOTES_COMMON = `
  resolvers: {
    Query: { notes: async (_p, _a, ctx) => (await ctx.module.store.collection('notes').find({}, { sort: { text: 1 } })).map((n) => n.text) },
    Mutation: { addNote: async (_p, { text }, ctx) => { await ctx.module.store.collection('notes').insertOne({ text }); return ctx.module.store.collection('notes').countDocuments({}); } },
  },`;
const notesV1 = {
  name: 'notes',
  version: '1.0.0',
  manifest: { database_collections: ['notes'] },
  source: `export default { typeDefs: 'extend type Query { notes: [String!]! } extend type Mutation { addNote(text: String!): Int! }', ${NOTES_COMMON} };`,
};
const notesV2 = {
  name: 'notes',
  version: '2.0.0',
  manifest: { database_collections: ['notes'] },
  source: `export default {
  typeDefs: 'extend type Query { notes: [String!]! notesVersion: String! } extend type Mutation { addNote(text: String!): Int! }',
  ${NOTES_COMMON.replace('Query: {', "Query: { notesVersion: () => 'two',")}
  migrations: [{ id: 'exclaim', async up(m) { for (const n of await m.store.collection('notes').find({})) await m.store.collection('notes').updateOne({ _id: n._id }, { $set: { text: n.text + '!' } }); } }],
};`,
};
const notesV3Broken = {
  name: 'notes',
  version: '3.0.0',
  manifest: { database_collections: ['notes'] },
  source: `export default {
  typeDefs: 'extend type Query { notes: [String!]! notesVersion: String! } extend type Mutation { addNote(text: String!): Int! }',
  ${NOTES_COMMON.replace('Query: {', "Query: { notesVersion: () => 'three',")}
  migrations: [
    { id: 'tag', async up(m) { await m.store.collection('notes').insertOne({ text: 'added by 3.0.0' }); } },
    { id: 'wipe-then-fail', async up(m) { await m.store.collection('notes').deleteMany({}); throw new Error('migration exploded halfway'); } },
  ],
};`,
};

describe('install → upgrade with a migration → uninstall, through GraphQL', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let token: string;

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    for (const module of [notesV1, notesV2, notesV3Broken]) await registry.publish(module);
    platform = await startTestPlatform(registry.env);
    token = await platform.adminToken();
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  const q = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => platform.gql<T>(query, variables, token);
  const schemaVersion = async () =>
    (await q<{ platform: { schemaVersion: number } }>('{ platform { schemaVersion } }')).data!.platform.schemaVersion;

  it('lists the registry module as AVAILABLE with its versions', async () => {
    const listed = await q<{ module: { state: string; latestVersion: string; availableVersions: string[]; installed: boolean } }>(
      '{ module(name: "notes") { state latestVersion availableVersions installed } }',
    );
    expect(listed.data?.module).toEqual({
      state: 'AVAILABLE',
      latestVersion: '3.0.0',
      availableVersions: ['3.0.0', '2.0.0', '1.0.0'],
      installed: false,
    });
  });

  it('installs a version, live in the same process', async () => {
    const before = await schemaVersion();
    expect(errorCode(await q('{ notes }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    const installed = await q<{ installModule: { state: string; version: string; source: string } }>(
      'mutation { installModule(input: { name: "notes", version: "1.0.0" }) { state version source } }',
    );
    expect(installed.errors).toBeUndefined();
    expect(installed.data?.installModule).toEqual({ state: 'ENABLED', version: '1.0.0', source: 'REGISTRY' });
    expect(await schemaVersion()).toBe(before + 1);
    await q('mutation { addNote(text: "b") }');
    await q('mutation { addNote(text: "a") }');
    expect((await q<{ notes: string[] }>('{ notes }')).data?.notes).toEqual(['a', 'b']);
    expect(await readdir(path.join(platform.dataDir, 'modules', 'notes'))).toEqual(['1.0.0']);
    expect(errorCode(await q('mutation { installModule(input: { name: "notes" }) { state } }'))).toBe('ALREADY_INSTALLED');
  });

  const listed = async () =>
    (
      await q<{ modules: Array<{ name: string; version: string | null; state: string; installed: boolean }> }>(
        '{ modules { name version state installed } }',
      )
    ).data!.modules.find((module) => module.name === 'notes');
  const notesDocuments = () => platform.store.collection('notes').find({}, { sort: { _id: 1 } });
  const migrationRecords = () => platform.store.collection('module_migrations').find({ module: 'notes' }, { sort: { id: 1 } });

  it('keeps the old version and its data when an upgrade migration fails', async () => {
    const before = await schemaVersion();
    const documents = await notesDocuments();
    const migrations = await migrationRecords();
    const record = await platform.store.collection('installed_modules').findOne({ name: 'notes' });
    const failed = await q('mutation { upgradeModule(name: "notes", version: "3.0.0") { version } }');
    expect(errorCode(failed)).toBe('MODULE_LOAD_FAILED');
    expect(failed.errors?.[0]?.message).toContain('migration exploded halfway');
    expect((await q<{ notes: string[] }>('{ notes }')).data?.notes).toEqual(['a', 'b']);
    expect((await q<{ module: { version: string; state: string } }>('{ module(name: "notes") { version state } }')).data?.module).toEqual({
      version: '1.0.0',
      state: 'ENABLED',
    });
    expect(await schemaVersion()).toBe(before);
    expect(await readdir(path.join(platform.dataDir, 'modules', 'notes'))).toEqual(['1.0.0']);
    expect(await notesDocuments()).toEqual(documents);
    expect(await migrationRecords()).toEqual(migrations);
    expect(await platform.store.collection('installed_modules').findOne({ name: 'notes' })).toEqual(record);
    expect(await listed()).toEqual({ name: 'notes', version: '1.0.0', state: 'ENABLED', installed: true });
    expect(await readdir(path.join(platform.dataDir, 'staging')).catch(() => [])).toEqual([]);
  });

  it('upgrades in place and runs the new migration once', async () => {
    const upgraded = await q<{ upgradeModule: { version: string; state: string } }>(
      'mutation { upgradeModule(name: "notes", version: "2.0.0") { version state } }',
    );
    expect(upgraded.errors).toBeUndefined();
    expect(upgraded.data?.upgradeModule).toEqual({ version: '2.0.0', state: 'ENABLED' });
    expect((await q<{ notes: string[]; notesVersion: string }>('{ notes notesVersion }')).data).toEqual({
      notes: ['a!', 'b!'],
      notesVersion: 'two',
    });
    // 1.0.0 stays on disk until the next upgrade, for rollbackModule.
    expect((await readdir(path.join(platform.dataDir, 'modules', 'notes'))).sort()).toEqual(['1.0.0', '2.0.0']);
    expect((await migrationRecords()).map((m) => m.id)).toEqual(['exclaim']);
    expect(await listed()).toEqual({ name: 'notes', version: '2.0.0', state: 'ENABLED', installed: true });
    // Loading the module again (disable, enable) does not run the migration a second time.
    await q('mutation { disableModule(name: "notes") { state } }');
    await q('mutation { enableModule(name: "notes") { state } }');
    expect((await q<{ notes: string[] }>('{ notes }')).data?.notes).toEqual(['a!', 'b!']);
    expect((await migrationRecords()).map((m) => m.id)).toEqual(['exclaim']);
    expect(errorCode(await q('mutation { upgradeModule(name: "notes", version: "2.0.0") { version } }'))).toBe('BAD_USER_INPUT');
  });

  it('uninstalls: fields, files and record gone; data kept unless dropData', async () => {
    expect((await q('mutation { uninstallModule(name: "notes") }')).data).toEqual({ uninstallModule: true });
    expect(errorCode(await q('{ notes }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await q<{ module: { state: string } }>('{ module(name: "notes") { state } }')).data?.module.state).toBe('AVAILABLE');
    expect(await readdir(path.join(platform.dataDir, 'modules'))).toEqual([]);
    expect(await platform.store.collection('installed_modules').findOne({ name: 'notes' })).toBeNull();
    expect(await listed()).toEqual({ name: 'notes', version: null, state: 'AVAILABLE', installed: false });
    expect(await platform.store.collection('notes').countDocuments({})).toBe(2);

    // Reinstalled, it finds its data; its migration already ran on it and does not run again.
    await q('mutation { installModule(input: { name: "notes", version: "2.0.0" }) { state } }');
    expect((await q<{ notes: string[] }>('{ notes }')).data?.notes).toEqual(['a!', 'b!']);
    expect((await q('mutation { uninstallModule(name: "notes", dropData: true) }')).data).toEqual({ uninstallModule: true });
    expect(await platform.store.collection('notes').countDocuments({})).toBe(0);
    expect(await migrationRecords()).toEqual([]);
    expect(await readdir(path.join(platform.dataDir, 'modules'))).toEqual([]);
    expect(errorCode(await q('mutation { uninstallModule(name: "notes") }'))).toBe('NOT_INSTALLED');
  });

  it('refuses to uninstall a bundled module and audits every operation', async () => {
    const bundled = await q('mutation { uninstallModule(name: "farm_manager") }');
    expect(errorCode(bundled)).toBe('BAD_USER_INPUT');
    const audit = await q<{
      auditLog: { entries: Array<{ action: string; module: string; outcome: string; actor: string; details: { durationMs?: number } }> };
    }>('{ auditLog(limit: 20, module: "notes") { entries { action module outcome actor details } nextCursor } }');
    const actions = audit.data!.auditLog.entries.map((entry) => `${entry.action}:${entry.outcome}`).reverse();
    expect(actions).toEqual([
      'module.install:SUCCEEDED',
      'module.install:FAILED:ALREADY_INSTALLED',
      'module.upgrade:FAILED:MODULE_LOAD_FAILED',
      'module.upgrade:SUCCEEDED',
      'module.disable:SUCCEEDED',
      'module.enable:SUCCEEDED',
      'module.upgrade:FAILED:BAD_USER_INPUT',
      'module.uninstall:SUCCEEDED',
      'module.install:SUCCEEDED',
      'module.uninstall:SUCCEEDED',
      'module.uninstall:FAILED:NOT_INSTALLED',
    ]);
    const installer = audit.data!.auditLog.entries.filter((entry) => !/module\.(en|dis)able/.test(entry.action));
    expect(installer.every((entry) => entry.actor === 'root@example.test' && typeof entry.details.durationMs === 'number')).toBe(true);
  });
});
