import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuntimeServer, startRuntimeServer } from './fixtures/runtime/runtime-server.js';

describe('enable/disable under load', () => {
  let server: RuntimeServer;
  let admin: string;

  beforeAll(async () => {
    server = await startRuntimeServer({ modules: ['counter'], env: { ENABLED_MODULES: 'counter' } });
    admin = await server.adminToken();
  });
  afterAll(() => server.destroy());

  it('serves 50 clients while a module is toggled 20 times: only the toggled field ever fails, and only validation', async () => {
    const start = (await server.gql<{ platform: { schemaVersion: number } }>('{ platform { schemaVersion } }')).data!.platform
      .schemaVersion;
    let toggling = true;
    const operations: unknown[] = [];
    const toggles = (async () => {
      for (let i = 0; i < 20; i++) {
        const mutation = i % 2 === 0 ? 'disableModule' : 'enableModule';
        const result = await server.gql(`mutation { ${mutation}(name: "counter") { state } }`, {}, admin);
        if (result.errors) operations.push(result.errors);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      toggling = false;
    })();
    const unexpected: unknown[] = [];
    let answered = 0;
    let refused = 0;
    const client = async (id: number) => {
      while (toggling) {
        const stable = await server.gql<{ me: { email: string } }>('{ me { email } }', {}, admin);
        if (stable.status !== 200 || stable.errors || stable.data?.me.email !== 'root@example.test') unexpected.push({ id, stable });
        const toggled = await server.gql<{ counter: { value: number; label: string } }>('{ counter { value label } }', {}, admin);
        if (toggled.data?.counter?.value === 42 && toggled.data.counter.label === 'counter' && !toggled.errors) answered += 1;
        else if (toggled.errors?.length === 1 && /Cannot query field "counter" on type "Query"/.test(toggled.errors[0]!.message))
          refused += 1;
        else unexpected.push({ id, toggled });
      }
    };
    await Promise.all([toggles, ...Array.from({ length: 50 }, (_, id) => client(id))]);
    expect(operations).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(answered).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    const end = (await server.gql<{ platform: { schemaVersion: number } }>('{ platform { schemaVersion } }')).data!.platform.schemaVersion;
    expect(end).toBe(start + 20);
    // Each toggle is a whole operation (lock, journal, audit: several store writes queued behind
    // 50 clients' reads): on a busy machine the 20 take far longer than the default 30 s.
  }, 120_000);
});
