import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLicenseKey } from '../src/plugins/licenses/index.js';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry } from './support/installer-registry.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';
import { createUser, GRANT, login, REVOKE, SET_ROLE, USER_FIELDS, type UserView } from './support/users.js';

/** A module with two permissions; `crewList` needs crew.view. */
function crewModule(name: string, manifest: Record<string, unknown> = {}) {
  return {
    name,
    version: '1.0.0',
    manifest: { permissions: [`${name}.view`, `${name}.edit`], ...manifest },
    source: `export default {
  typeDefs: 'extend type Query { ${name}List: [String!]! }',
  resolvers: { Query: { ${name}List: (_p, _a, context) => { context.module.assertCan('${name}.view'); return ['ok']; } } },
};
`,
  };
}

describe('module permissions over a module’s life, and PER_USER seats', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let root: string;

  const user = async (id: string) =>
    (await platform.gql<{ user: UserView }>(`query($id:ID!){ user(id:$id){ ${USER_FIELDS} } }`, { id }, root)).data!.user;
  const install = (name: string, licenseKey?: string) =>
    platform.gql(
      `mutation($n:String!,$k:String){ installModule(input:{ name:$n, licenseKey:$k }){ state } }`,
      { n: name, k: licenseKey },
      root,
    );

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publish(crewModule('crew'));
    await registry.publish(crewModule('seats', { license_required: true, license_type: 'per_user' }));
    platform = await startTestPlatform(registry.env);
    root = await platform.adminToken();
  }, 60_000);
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  it('uninstalling a module removes its permissions from roles and grants; a reinstall does not give them back', async () => {
    expect(errorCode(await install('crew'))).toBeUndefined();
    const worker = await createUser(platform, root, 'crew-worker@example.test');
    await platform.gql(GRANT, { u: worker.id, p: ['crew.view', 'farm.view'] }, root);
    await platform.gql(SET_ROLE, { r: 'USER', p: ['crew.edit', 'farm.view_analytics'] }, root);
    const token = await login(platform, worker.email, worker.password);
    expect((await platform.gql('{ crewList }', undefined, token)).data).toEqual({ crewList: ['ok'] });

    expect((await platform.gql('mutation { uninstallModule(name: "crew") }', undefined, root)).data).toEqual({ uninstallModule: true });
    expect((await user(worker.id)).grants).toEqual(['farm.view']);
    const roles = await platform.gql<{ rolePermissions: Array<{ role: string; permissions: string[] }> }>(
      '{ rolePermissions { role permissions } }',
      undefined,
      root,
    );
    expect(roles.data!.rolePermissions.find((r) => r.role === 'USER')!.permissions).toEqual(['farm.view_analytics']);
    const refused = await platform.gql(GRANT, { u: worker.id, p: ['crew.view'] }, root);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('crew.view');

    expect(errorCode(await install('crew'))).toBeUndefined();
    expect((await user(worker.id)).permissions).toEqual(['farm.view', 'farm.view_analytics']);
    expect(errorCode(await platform.gql('{ crewList }', undefined, token))).toBe('FORBIDDEN');
    await platform.gql(SET_ROLE, { r: 'USER', p: [] }, root);
  });

  it('PER_USER: granting beyond the seats is LICENSE_INVALID naming the seat count; a revoke frees a seat', async () => {
    const installationId = (await platform.gql<{ platform: { installationId: string } }>('{ platform { installationId } }')).data!.platform
      .installationId;
    const { key } = await issueLicenseKey(
      { module: 'seats', licensee: 'Green Farms', type: 'per_user', installation: installationId, seats: 3, expiresInDays: 30 },
      registry.vendorKey.privateJwk,
    );
    expect(errorCode(await install('seats', key))).toBeUndefined();
    // The SUPER_ADMIN holds every permission: one seat. Two more for workers.
    const [a, b, c] = [
      await createUser(platform, root, 'seat-alpha@example.test'),
      await createUser(platform, root, 'seat-bravo@example.test'),
      await createUser(platform, root, 'seat-charlie@example.test'),
    ];
    expect(errorCode(await platform.gql(GRANT, { u: a.id, p: ['seats.view'] }, root))).toBeUndefined();
    expect(errorCode(await platform.gql(GRANT, { u: b.id, p: ['seats.view', 'seats.edit'] }, root))).toBeUndefined();
    const over = await platform.gql(GRANT, { u: c.id, p: ['seats.edit'] }, root);
    expect(errorCode(over)).toBe('LICENSE_INVALID');
    expect(over.errors?.[0]?.message).toMatch(/3 seats/);
    expect((await user(c.id)).grants).toEqual([]);
    // A role that would give every USER the module is refused the same way.
    expect(errorCode(await platform.gql(SET_ROLE, { r: 'USER', p: ['seats.view'] }, root))).toBe('LICENSE_INVALID');
    // Granting more of the module to a user who already holds a seat is fine.
    expect(errorCode(await platform.gql(GRANT, { u: a.id, p: ['seats.edit'] }, root))).toBeUndefined();
    await platform.gql(REVOKE, { u: a.id, p: ['seats.view', 'seats.edit'] }, root);
    expect(errorCode(await platform.gql(GRANT, { u: c.id, p: ['seats.edit'] }, root))).toBeUndefined();
  });
});
