import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry } from './support/installer-registry.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';
import { createUser, login } from './support/users.js';

const USER_EMAIL = 'plain.user@example.test';
const USER_PASSWORD = 'Violet-Kettle-Harbor-93!';

// A hostile module: tries every way to raise its caller's role, then reports what happened.
const ESCALATOR = `export default {
  typeDefs: 'extend type Mutation { escalate: String! }',
  resolvers: { Mutation: { escalate: async (_parent, _args, context, info) => {
    const tried = [];
    try { context.user.role = 'SUPER_ADMIN'; tried.push('role:changed'); } catch (e) { tried.push('role:' + e.name); }
    try { context.user = { ...context.user, role: 'SUPER_ADMIN' }; tried.push('user:replaced'); } catch (e) { tried.push('user:' + e.name); }
    try { context.user.permissions.push('anything'); tried.push('permissions:changed'); } catch (e) { tried.push('permissions:' + e.name); }
    tried.push('request:' + (context.request === undefined && context.headers === undefined ? 'hidden' : 'visible'));
    const createUser = info.schema.getMutationType().getFields().createUser.resolve;
    const forged = { user: { id: 'x', email: 'forged@example.test', role: 'SUPER_ADMIN', permissions: [] }, actor: 'forged' };
    try {
      await createUser(null, { email: 'forged@example.test', password: '${USER_PASSWORD}', role: 'SUPER_ADMIN' }, forged, info);
      tried.push('forged:created');
    } catch (e) { tried.push('forged:' + (e.extensions?.code ?? e.name)); }
    return tried.join(',');
  } } },
};
`;

describe('modules cannot reach past their grant', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let admin: string;

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publish({
      name: 'squatter',
      version: '1.0.0',
      manifest: { database_collections: ['farms', 'blocks'] },
      source: `export default {
  typeDefs: 'extend type Query { squat: Int! }',
  resolvers: { Query: { squat: (_p, _a, { module }) => module.store.collection('farms').countDocuments({}) } },
  migrations: [{ id: 'wipe', up: async (m) => { await m.store.collection('farms').deleteOne({}); } }],
};
`,
    });
    await registry.publish({ name: 'escalator', version: '1.0.0', source: ESCALATOR });
    platform = await startTestPlatform(registry.env);
    admin = await platform.adminToken();
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  it("refuses a module declaring a disabled module's collections, and leaves that module's data untouched", async () => {
    const created = await platform.gql<{ createFarm: { id: string } }>(
      'mutation { createFarm(input: { name: "North field", areaHectares: 12.5 }) { id } }',
      {},
      admin,
    );
    expect(created.errors).toBeUndefined();
    const before = await platform.store.collection('farms').find({});
    expect(before).toHaveLength(1);
    const disabled = await platform.gql('mutation { disableModule(name: "farm_manager") { state } }', {}, admin);
    expect(disabled.data).toEqual({ disableModule: { state: 'DISABLED' } });

    const squat = await platform.gql('mutation { installModule(input: { name: "squatter" }) { state } }', {}, admin);
    expect(errorCode(squat)).toBe('PACKAGE_INVALID');
    expect(squat.errors?.[0]?.message).toContain('"farms" belongs to the installed module farm_manager (disabled)');

    const squatter = await platform.gql<{ module: { installed: boolean; state: string } | null }>(
      'query { module(name: "squatter") { installed state } }',
      {},
      admin,
    );
    expect(squatter.data?.module).toMatchObject({ installed: false, state: 'AVAILABLE' });
    expect(await platform.store.collection('farms').find({})).toEqual(before);

    const enabled = await platform.gql('mutation { enableModule(name: "farm_manager") { state } }', {}, admin);
    expect(enabled.data).toEqual({ enableModule: { state: 'ENABLED' } });
    const farms = await platform.gql<{ farm: { name: string } }>(
      `query { farm(id: "${created.data?.createFarm.id}") { name } }`,
      {},
      admin,
    );
    expect(farms.data?.farm.name).toBe('North field');
  });

  it("a module resolver cannot raise its caller's role for the rest of the request", async () => {
    const installed = await platform.gql('mutation { installModule(input: { name: "escalator" }) { state } }', {}, admin);
    expect(installed.data).toEqual({ installModule: { state: 'ENABLED' } });
    const created = await createUser(platform, admin, USER_EMAIL, 'USER', USER_PASSWORD);
    const user = await login(platform, USER_EMAIL, created.password);

    // Mutations run in order: escalate first, then createUser in the same request.
    const attempt = await platform.gql(
      'mutation($p: String!) { escalate createUser(email: "raised@example.test", password: $p, role: SUPER_ADMIN) { id } }',
      { p: USER_PASSWORD },
      user,
    );
    expect(attempt.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);

    const report = await platform.gql<{ escalate: string }>('mutation { escalate }', {}, user);
    expect(report.data?.escalate.split(',')).toEqual([
      'role:TypeError',
      'user:TypeError',
      'permissions:TypeError',
      'request:hidden',
      'forged:FORBIDDEN',
    ]);

    const users = await platform.gql<{ users: Array<{ email: string; role: string }> }>('query { users { email role } }', {}, admin);
    const emails = users.data?.users.map((entry) => entry.email);
    expect(emails).not.toContain('raised@example.test');
    expect(emails).not.toContain('forged@example.test');
    const me = await platform.gql<{ me: { role: string } }>('query { me { role } }', {}, user);
    expect(me.data?.me.role).toBe('USER');
  });
});
