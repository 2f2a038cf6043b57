import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, type RuntimeServer, startRuntimeServer } from './fixtures/runtime/runtime-server.js';

const STATES = '{ modules { name state } }';
type States = { modules: Array<{ name: string; state: string }> };
// Local modules only: the development registry's modules (offered, not installed) are listed as AVAILABLE too.
const stateMap = (result: { data?: States | null }) =>
  Object.fromEntries(result.data!.modules.filter((m) => m.state !== 'AVAILABLE').map((m) => [m.name, m.state]));

describe('module state across restarts', () => {
  const servers: RuntimeServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.destroy().catch(() => {});
  });

  it('enables every bundled module on a first start when ENABLED_MODULES is unset', async () => {
    const server = await startRuntimeServer({ modules: ['notes', 'notes_stats', 'counter'] });
    servers.push(server);
    expect(stateMap(await server.gql<States>(STATES, {}, await server.adminToken()))).toEqual({
      counter: 'ENABLED',
      notes: 'ENABLED',
      notes_stats: 'ENABLED',
    });
    expect((await server.gql<{ noteCount: number }>('{ noteCount }', {}, await server.adminToken())).data!.noteCount).toBeGreaterThan(0);
  });

  it('restores exactly the enabled set after a restart, ignoring ENABLED_MODULES after the first start', async () => {
    const first = await startRuntimeServer({
      modules: ['notes', 'counter', 'throws_on_import'],
      env: { ENABLED_MODULES: 'notes,throws_on_import' },
    });
    let admin = await first.adminToken();
    expect(stateMap(await first.gql<States>(STATES, {}, admin))).toEqual({
      counter: 'DISABLED',
      notes: 'ENABLED',
      throws_on_import: 'FAILED',
    });
    await first.gql('mutation { enableModule(name: "counter") { name } }', {}, admin);
    await first.gql('mutation { disableModule(name: "notes") { name } }', {}, admin);
    await first.stop();

    const second = await startRuntimeServer({ dataDir: first.dataDir, bundledDir: first.bundledDir, env: { ENABLED_MODULES: 'notes' } });
    servers.push(second);
    admin = await second.adminToken();
    const states = await second.gql<States & { counter: { value: number } }>('{ modules { name state } counter { value } }', {}, admin);
    expect(stateMap(states)).toEqual({ counter: 'ENABLED', notes: 'DISABLED', throws_on_import: 'FAILED' });
    expect(states.data!.counter.value).toBe(42);
    const failed = await second.gql<{ module: { loadError: string } }>('{ module(name: "throws_on_import") { loadError } }', {}, admin);
    expect(failed.data!.module.loadError).toContain('boom at import');
  });

  it('persists the state of a module that appeared after start (refresh)', async () => {
    const first = await startRuntimeServer({ modules: ['notes'], env: { ENABLED_MODULES: 'notes' } });
    await cp(path.join(FIXTURES, 'counter'), path.join(first.bundledDir, 'counter'), { recursive: true });
    await first.runtime.refresh();
    expect((await first.gql('mutation { enableModule(name: "counter") { state } }', {}, await first.adminToken())).errors).toBeUndefined();
    await first.stop();
    const second = await startRuntimeServer({ dataDir: first.dataDir, bundledDir: first.bundledDir, env: { ENABLED_MODULES: 'notes' } });
    servers.push(second);
    expect(stateMap(await second.gql<States>(STATES, {}, await second.adminToken()))).toEqual({ counter: 'ENABLED', notes: 'ENABLED' });
  });

  it('reports a dependency cycle at start as FAILED and keeps serving', async () => {
    const server = await startRuntimeServer({ modules: ['cycle_a', 'cycle_b', 'counter'] });
    servers.push(server);
    const admin = await server.adminToken();
    expect(stateMap(await server.gql<States>(STATES, {}, admin))).toEqual({ counter: 'ENABLED', cycle_a: 'FAILED', cycle_b: 'FAILED' });
    const failed = await server.gql<{ module: { loadError: string } }>('{ module(name: "cycle_a") { loadError } }', {}, admin);
    expect(failed.data!.module.loadError).toContain('Dependency cycle: cycle_a → cycle_b → cycle_a');
  });
});
