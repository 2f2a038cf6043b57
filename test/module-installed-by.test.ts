import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const PASSWORD = 'a long enough password';

describe('Module.installedBy', () => {
  let platform: TestPlatform;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    platform = await startTestPlatform();
    const superAdmin = await platform.adminToken();
    tokens.SUPER_ADMIN = superAdmin;
    for (const role of ['ADMIN', 'USER'] as const) {
      const email = `${role.toLowerCase()}@example.test`;
      await platform.gql(
        'mutation($e: String!, $p: String!, $r: Role!) { createUser(email: $e, password: $p, role: $r) { id } }',
        { e: email, p: PASSWORD, r: role },
        superAdmin,
      );
      const login = await platform.gql<{ login: { token: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: PASSWORD },
      );
      tokens[role] = login.data!.login.token;
    }
  });
  afterAll(() => platform.stop());

  const installedBy = async (token: string) =>
    (
      await platform.gql<{ module: { name: string; installedBy: string | null } }>(
        '{ module(name: "farm_manager") { name installedBy } }',
        {},
        token,
      )
    ).data?.module;

  it('is shown to ADMIN and SUPER_ADMIN', async () => {
    expect(await installedBy(tokens.SUPER_ADMIN!)).toEqual({ name: 'farm_manager', installedBy: 'system' });
    expect(await installedBy(tokens.ADMIN!)).toEqual({ name: 'farm_manager', installedBy: 'system' });
  });

  it('is null for a USER, who still sees the rest of the module', async () => {
    expect(await installedBy(tokens.USER!)).toEqual({ name: 'farm_manager', installedBy: null });
  });

  it('leaves platform public', async () => {
    expect((await platform.gql('{ platform { version schemaVersion } }')).data).toMatchObject({ platform: { version: '1.0.0' } });
  });
});
