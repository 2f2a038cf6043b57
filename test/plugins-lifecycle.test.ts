import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeServer, startRuntimeServer } from './fixtures/runtime/runtime-server.js';

const notesState = () =>
  (globalThis as { __a64NotesFixture?: { ticks: number; disposed: number; enabled: number; migrations: number } }).__a64NotesFixture!;
const ENABLE = 'mutation($n:String!){ enableModule(name:$n){ name state enabled } }';
const DISABLE = 'mutation($n:String!){ disableModule(name:$n){ name state enabled } }';
const VERSION = '{ platform { schemaVersion } }';

describe('module lifecycle over GraphQL', () => {
  let server: RuntimeServer;
  let admin: string;
  const version = async () => (await server.gql<{ platform: { schemaVersion: number } }>(VERSION)).data!.platform.schemaVersion;

  beforeAll(async () => {
    server = await startRuntimeServer({ modules: ['notes', 'notes_stats', 'store_snoop'], env: { ENABLED_MODULES: 'store_snoop' } });
    admin = await server.adminToken();
  });
  afterAll(() => server.destroy());

  it('lists bundled modules with their state', async () => {
    const result = await server.gql<{ modules: Array<{ name: string; state: string; source: string; permissions: string[] }> }>(
      '{ modules { name state source permissions } }',
      {},
      admin,
    );
    // The development registry's modules are listed too (AVAILABLE, not installed): not this test's.
    expect(result.data!.modules.filter((m) => m.state !== 'AVAILABLE')).toEqual([
      { name: 'notes', state: 'DISABLED', source: 'BUNDLED', permissions: ['notes.read', 'notes.write'] },
      { name: 'notes_stats', state: 'DISABLED', source: 'BUNDLED', permissions: [] },
      { name: 'store_snoop', state: 'ENABLED', source: 'BUNDLED', permissions: [] },
    ]);
  });

  it('refuses module queries without a token and mutations for non super admins', async () => {
    expect((await server.gql('{ modules { name } }')).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const adminOnly = await server.createUser('admin@example.test', 'ADMIN');
    expect((await server.gql(ENABLE, { n: 'notes' }, adminOnly)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('enables a module live: its fields answer, migrations ran once, schemaVersion +1', async () => {
    const before = await version();
    expect((await server.gql('{ notes { text } }', {}, admin)).errors![0]!.message).toMatch(/Cannot query field "notes"/);
    const enabled = await server.gql(ENABLE, { n: 'notes' }, admin);
    expect(enabled.data).toEqual({ enableModule: { name: 'notes', state: 'ENABLED', enabled: true } });
    expect(await version()).toBe(before + 1);
    await server.gql('mutation { addNote(text: "buy seeds") { id } }', {}, admin);
    const notes = await server.gql<{ notes: Array<{ text: string }> }>('{ notes { text } }', {}, admin);
    expect(notes.data!.notes.map((n) => n.text)).toEqual(['buy seeds', 'welcome']);
    expect(notesState().migrations).toBe(1);
  });

  it('answers a no-op enable without swapping', async () => {
    const before = await version();
    expect((await server.gql(ENABLE, { n: 'notes' }, admin)).data).toEqual({
      enableModule: { name: 'notes', state: 'ENABLED', enabled: true },
    });
    expect(await version()).toBe(before);
  });

  it('gives resolvers their module handle bound to the request user, and module error codes pass through', async () => {
    const viewer = await server.gql<{ noteViewer: string }>('{ noteViewer }', {}, admin);
    expect(viewer.data!.noteViewer).toBe('root@example.test:notes');
    const bad = await server.gql('mutation { addNote(text: " ") { id } }', {}, admin);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(bad.errors![0]!.message).toBe('Invalid text: must not be empty');
  });

  it('guards module permissions: USER needs a grant, anonymous is UNAUTHENTICATED', async () => {
    const reader = await server.createUser('reader@example.test', 'USER', ['notes.read']);
    const nobody = await server.createUser('nobody@example.test', 'USER');
    expect((await server.gql<{ notes: unknown[] }>('{ notes { text } }', {}, reader)).data!.notes).toHaveLength(2);
    const write = await server.gql('mutation { addNote(text: "x") { id } }', {}, reader);
    expect(write.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(write.errors![0]!.message).toContain('notes.write');
    expect((await server.gql('{ notes { text } }', {}, nobody)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await server.gql('{ notes { text } }')).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('lets a dependent call its dependency service in-process, and refuses disabling the dependency', async () => {
    await server.gql(ENABLE, { n: 'notes_stats' }, admin);
    expect((await server.gql<{ noteCount: number }>('{ noteCount }', {}, admin)).data!.noteCount).toBe(2);
    const refused = await server.gql(DISABLE, { n: 'notes' }, admin);
    expect(refused.errors![0]!.extensions!.code).toBe('DEPENDENTS_ENABLED');
    expect(refused.errors![0]!.message).toContain('notes_stats');
    expect((await server.gql<{ notes: unknown[] }>('{ notes { text } }', {}, admin)).data!.notes).toHaveLength(2);
    await server.gql(DISABLE, { n: 'notes_stats' }, admin);
  });

  it('disables live: fields fail validation, timers and disposers are gone; re-enable finds the data', async () => {
    const before = await version();
    expect((await server.gql(DISABLE, { n: 'notes' }, admin)).data).toEqual({
      disableModule: { name: 'notes', state: 'DISABLED', enabled: false },
    });
    expect(await version()).toBe(before + 1);
    const gone = await server.gql('{ notes { text } }', {}, admin);
    expect(gone.errors![0]!.message).toMatch(/Cannot query field "notes"/);
    expect(notesState().disposed).toBe(1);
    const ticks = notesState().ticks;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(notesState().ticks).toBe(ticks);

    const noop = await server.gql(DISABLE, { n: 'notes' }, admin);
    expect(noop.data).toEqual({ disableModule: { name: 'notes', state: 'DISABLED', enabled: false } });
    expect(await version()).toBe(before + 1);

    await server.gql(ENABLE, { n: 'notes' }, admin);
    const notes = await server.gql<{ notes: Array<{ text: string }> }>('{ notes { text } }', {}, admin);
    expect(notes.data!.notes.map((n) => n.text)).toEqual(['buy seeds', 'welcome']);
    expect(notesState().migrations).toBe(1);
  });

  it('refuses collections a module did not declare', async () => {
    expect((await server.gql('{ snoopOwn }', {}, admin)).data).toEqual({ snoopOwn: 0 });
    const snoop = await server.gql('{ snoopUsers }', {}, admin);
    expect(snoop.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(snoop.errors![0]!.message).toContain('"users"');
    expect(snoop.errors![0]!.message).toContain('database_collections');
  });

  it('answers MODULE_NOT_FOUND for unknown names and audits every operation', async () => {
    expect((await server.gql(ENABLE, { n: 'no_such_module' }, admin)).errors![0]!.extensions!.code).toBe('MODULE_NOT_FOUND');
    expect((await server.gql('{ module(name: "no_such_module") { name } }', {}, admin)).data).toEqual({ module: null });
    const entries = await server.store.collection('audit_log').find({}, { sort: { at: 1 } });
    expect(entries.map((e) => [e.actor, e.action, e.module, e.outcome])).toContainEqual([
      'root@example.test',
      'module.enable',
      'notes',
      'SUCCEEDED',
    ]);
    expect(entries.map((e) => e.outcome)).toEqual(
      expect.arrayContaining(['NO_OP', 'FAILED:DEPENDENTS_ENABLED', 'FAILED:MODULE_NOT_FOUND']),
    );
  });
});
