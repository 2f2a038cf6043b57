import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeServer, startRuntimeServer } from './fixtures/runtime/runtime-server.js';

const FIXTURES = [
  'notes',
  'notes_stats',
  'note_clash',
  'field_clash',
  'core_clash',
  'throws_on_import',
  'throws_on_enable',
  'hangs_on_enable',
  'bad_manifest',
  'wrong_dir',
  'no_default_export',
  'unknown_resolver',
  'sdl_syntax_error',
  'future_core',
  'users_grab',
];
const ENABLE = 'mutation($n:String!){ enableModule(name:$n){ name state } }';
const MODULE = 'query($n:String!){ module(name:$n){ state enabled loadError } }';
const throwsState = () => (globalThis as { __a64ThrowsFixture?: { ticks: number } }).__a64ThrowsFixture;

describe('modules that cannot be enabled', () => {
  let server: RuntimeServer;
  let admin: string;
  let versionAtStart: number;
  const version = async () =>
    (await server.gql<{ platform: { schemaVersion: number } }>('{ platform { schemaVersion } }')).data!.platform.schemaVersion;
  const enableError = async (name: string) => {
    const result = await server.gql(ENABLE, { n: name }, admin);
    expect(result.data ?? null).toBeNull();
    return { code: result.errors![0]!.extensions!.code, message: result.errors![0]!.message };
  };
  const moduleState = async (name: string) =>
    (await server.gql<{ module: { state: string; enabled: boolean; loadError: string | null } }>(MODULE, { n: name }, admin)).data!.module;

  beforeAll(async () => {
    // The hook timeout only has to end hangs_on_enable: 300 ms also cut off notes' own start on a busy machine.
    server = await startRuntimeServer({ modules: FIXTURES, env: { ENABLED_MODULES: 'notes', MODULE_HOOK_TIMEOUT_MS: '3000' } });
    admin = await server.adminToken();
    versionAtStart = await version();
  });
  afterAll(() => server.destroy());

  it('shows invalid manifests as FAILED with the reason, without stopping the platform', async () => {
    expect(await moduleState('bad_manifest')).toMatchObject({ state: 'FAILED', enabled: false });
    expect((await moduleState('bad_manifest')).loadError).toContain('version must be a semver version');
    expect((await moduleState('wrong_dir')).loadError).toContain('does not match its directory "wrong_dir"');
    expect(await enableError('bad_manifest')).toMatchObject({ code: 'MODULE_LOAD_FAILED' });
  });

  it.each([
    ['note_clash', 'Type Note defined by notes and note_clash'],
    ['field_clash', 'Query.notes defined by notes and field_clash'],
    ['core_clash', 'Type User defined by the core and core_clash'],
  ])('refuses %s with SCHEMA_CONFLICT before it runs', async (name, coordinate) => {
    const error = await enableError(name);
    expect(error.code).toBe('SCHEMA_CONFLICT');
    expect(error.message).toContain(coordinate);
    expect(await moduleState(name)).toMatchObject({ state: 'DISABLED', loadError: null });
  });

  it('refuses unmet dependencies with DEPENDENCY_UNSATISFIED listing each', async () => {
    const future = await enableError('future_core');
    expect(future).toMatchObject({ code: 'DEPENDENCY_UNSATISFIED' });
    expect(future.message).toContain('core >=99.0.0: the platform is version');
    await server.gql('mutation { disableModule(name: "notes") { name } }', {}, admin);
    const stats = await enableError('notes_stats');
    expect(stats).toMatchObject({ code: 'DEPENDENCY_UNSATISFIED' });
    expect(stats.message).toContain('notes ^1.0.0: installed but not enabled');
    await server.gql(ENABLE, { n: 'notes' }, admin);
  });

  it.each([
    ['throws_on_import', 'boom at import'],
    ['throws_on_enable', 'boom in onEnable'],
    ['hangs_on_enable', 'did not finish within 3000 ms'],
    ['no_default_export', 'has no default export'],
    ['unknown_resolver', 'Query.notInSdl'],
    ['sdl_syntax_error', 'at line 4, column 1'],
  ])('marks %s FAILED with its reason (MODULE_LOAD_FAILED)', async (name, reason) => {
    const error = await enableError(name);
    expect(error.code).toBe('MODULE_LOAD_FAILED');
    expect(error.message).toContain(reason);
    expect(error.message).toContain(name);
    const state = await moduleState(name);
    expect(state).toMatchObject({ state: 'FAILED', enabled: false });
    expect(state.loadError).toContain(reason);
  });

  it('refuses platform collections and collections another enabled module owns', async () => {
    const error = await enableError('users_grab');
    expect(error.code).toBe('MODULE_LOAD_FAILED');
    expect(error.message).toContain('"users" is reserved for the platform');
    expect(error.message).toContain('"notes" belongs to the enabled module notes');
  });

  it('leaves nothing of a module that failed in onEnable: no fields, no timers', async () => {
    const ticks = throwsState()?.ticks ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(throwsState()?.ticks ?? 0).toBe(ticks);
    expect((await server.gql('{ neverLive }', {}, admin)).errors![0]!.message).toMatch(/Cannot query field "neverLive"/);
  });

  it('kept serving the same schema through every failure', async () => {
    expect(await version()).toBe(versionAtStart + 2);
    expect((await server.gql<{ notes: unknown[] }>('{ notes { text } }', {}, admin)).data!.notes.length).toBeGreaterThan(0);
  });

  it('refuses a second concurrent operation on the same module with OPERATION_IN_PROGRESS', async () => {
    const [first, second] = await Promise.all([
      server.gql(ENABLE, { n: 'hangs_on_enable' }, admin),
      server.gql(ENABLE, { n: 'hangs_on_enable' }, admin),
    ]);
    const codes = [first.errors![0]!.extensions!.code, second.errors![0]!.extensions!.code].sort();
    expect(codes).toEqual(['MODULE_LOAD_FAILED', 'OPERATION_IN_PROGRESS']);
  });

  it('disabling a FAILED module clears its failure', async () => {
    await server.gql('mutation { disableModule(name: "throws_on_import") { name } }', {}, admin);
    expect(await moduleState('throws_on_import')).toMatchObject({ state: 'DISABLED', loadError: null });
  });
});
