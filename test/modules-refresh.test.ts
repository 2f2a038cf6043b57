import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry, simpleModule } from './support/installer-registry.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

interface Listed {
  modules: Array<{
    name: string;
    state: string;
    latestVersion: string | null;
    dependencies: Array<{ name: string; range: string; satisfied: boolean }>;
  }>;
}
const LIST = 'query($refresh: Boolean) { modules(refresh: $refresh) { name state latestVersion dependencies { name range satisfied } } }';

describe('modules: registry dependencies of AVAILABLE modules, and refresh: true', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let token: string;

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publish(simpleModule('base_lib', '1.0.0', 'baseLib', 'base 1'));
    await registry.publish({
      ...simpleModule('dependent_app', '1.0.0', 'dependentApp', 'dependent'),
      manifest: { dependencies: { core: '>=1.0.0', base_lib: '^1.0.0' } },
    });
    // A long TTL: without refresh the listing keeps the catalog it fetched first.
    platform = await startTestPlatform({ ...registry.env, REGISTRY_TTL_SECONDS: '3600' });
    token = await platform.adminToken();
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  const list = async (refresh?: boolean, bearer = token) => platform.gql<Listed>(LIST, { refresh }, bearer);
  const byName = (listed: Listed, name: string) => listed.modules.find((module) => module.name === name);

  it('shows the dependencies an AVAILABLE module declares in the catalog, each with satisfied', async () => {
    const before = (await list()).data!;
    expect(byName(before, 'dependent_app')).toMatchObject({
      state: 'AVAILABLE',
      dependencies: [
        { name: 'core', range: '>=1.0.0', satisfied: true },
        { name: 'base_lib', range: '^1.0.0', satisfied: false },
      ],
    });
    await platform.gql('mutation { installModule(input: { name: "base_lib" }) { state } }', undefined, token);
    expect(byName((await list()).data!, 'dependent_app')?.dependencies).toContainEqual({
      name: 'base_lib',
      range: '^1.0.0',
      satisfied: true,
    });
  });

  it('keeps the cached catalog for REGISTRY_TTL_SECONDS; refresh: true shows a new release at once', async () => {
    await registry.publish(simpleModule('base_lib', '1.1.0', 'baseLib', 'base 1.1'));
    expect(byName((await list()).data!, 'base_lib')?.latestVersion).toBe('1.0.0');
    expect(byName((await list(true)).data!, 'base_lib')?.latestVersion).toBe('1.1.0');
    // The fresh catalog now serves plain listings too.
    expect(byName((await list()).data!, 'base_lib')?.latestVersion).toBe('1.1.0');
  });

  it('refuses refresh: true to a USER with FORBIDDEN; a plain listing still works for them', async () => {
    await platform.gql(
      'mutation { createUser(email: "ann@example.test", password: "at-least-10-chars", role: USER) { id } }',
      undefined,
      token,
    );
    const login = await platform.gql<{ login: { token: string } }>(
      'mutation { login(email: "ann@example.test", password: "at-least-10-chars") { token } }',
    );
    const userToken = login.data!.login.token;
    expect(errorCode(await list(true, userToken))).toBe('FORBIDDEN');
    expect((await list(false, userToken)).data?.modules.length).toBeGreaterThan(0);
  });
});
