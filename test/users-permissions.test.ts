import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';
import { createUser, FARMS, GRANT, login, SET_ROLE } from './support/users.js';

const CREATE_FARM = 'mutation($n:String!){ createFarm(input:{ name:$n, areaHectares: 2 }){ id } }';
const DELETE_FARM = 'mutation($id:ID!){ deleteFarm(id:$id) }';

describe('the permission model: role permissions ∪ grants', () => {
  let platform: TestPlatform;
  let root: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    root = await platform.adminToken();
  });
  afterAll(() => platform.stop());

  it('lists every declared permission with its module and the roles holding it', async () => {
    const list = await platform.gql<{ permissions: Array<{ name: string; module: string; roles: string[] }> }>(
      '{ permissions { name module description roles } }',
      undefined,
      root,
    );
    const view = list.data!.permissions.find((p) => p.name === 'farm.view');
    expect(view).toMatchObject({ module: 'farm_manager', roles: ['SUPER_ADMIN', 'ADMIN'] });
    const roles = await platform.gql<{ rolePermissions: Array<{ role: string; permissions: string[] }> }>(
      '{ rolePermissions { role permissions } }',
      undefined,
      root,
    );
    const byRole = Object.fromEntries(roles.data!.rolePermissions.map((r) => [r.role, r.permissions]));
    expect(byRole.ADMIN).toContain('farm.delete');
    expect(byRole.USER).toEqual([]);
  });

  it('the worked example: a farm worker views farms and records harvests but cannot create or delete farms', async () => {
    const farm = await platform.gql<{ createFarm: { id: string } }>(CREATE_FARM, { n: 'North field' }, root);
    const farmId = farm.data!.createFarm.id;
    const worker = await createUser(platform, root, 'picker@example.test');
    const granted = await platform.gql<{ grantPermissions: { permissions: string[] } }>(
      GRANT,
      { u: worker.id, p: ['farm.view', 'farm.manage_blocks'] },
      root,
    );
    expect(granted.data?.grantPermissions.permissions).toEqual(['farm.manage_blocks', 'farm.view']);
    const token = await login(platform, worker.email, worker.password);
    const farms = await platform.gql<{ farms: { totalCount: number } }>(FARMS, undefined, token);
    expect(farms.data?.farms.totalCount).toBe(1);
    expect(errorCode(await platform.gql(CREATE_FARM, { n: 'Mine' }, token))).toBe('FORBIDDEN');
    const refused = await platform.gql(DELETE_FARM, { id: farmId }, token);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain('farm.delete');
    expect((await platform.gql<{ farms: { totalCount: number } }>(FARMS, undefined, root)).data?.farms.totalCount).toBe(1);
  });

  it('ADMIN holds every module permission until a SUPER_ADMIN sets the ADMIN role; then exactly those', async () => {
    const office = await createUser(platform, root, 'office@example.test', 'ADMIN');
    const token = await login(platform, office.email, office.password);
    expect((await platform.gql(FARMS, undefined, token)).errors).toBeUndefined();
    const set = await platform.gql<{ setRolePermissions: { role: string; permissions: string[] } }>(
      SET_ROLE,
      { r: 'ADMIN', p: ['farm.view_analytics'] },
      root,
    );
    expect(set.data?.setRolePermissions).toEqual({ role: 'ADMIN', permissions: ['farm.view_analytics'] });
    expect(errorCode(await platform.gql(FARMS, undefined, token))).toBe('FORBIDDEN');
    const me = await platform.gql<{ me: { permissions: string[] } }>('{ me { permissions } }', undefined, token);
    expect(me.data?.me.permissions).toEqual(['farm.view_analytics']);
    // A grant on top of the role, by a SUPER_ADMIN.
    await platform.gql(GRANT, { u: office.id, p: ['farm.view'] }, root);
    expect((await platform.gql(FARMS, undefined, token)).errors).toBeUndefined();
    // The SUPER_ADMIN is not affected by role settings.
    expect((await platform.gql(FARMS, undefined, root)).errors).toBeUndefined();
  });

  it('a USER role permission reaches every USER', async () => {
    const a = await createUser(platform, root, 'alpha-worker@example.test');
    const b = await createUser(platform, root, 'bravo-worker@example.test');
    await platform.gql(SET_ROLE, { r: 'USER', p: ['farm.view'] }, root);
    for (const user of [a, b]) {
      const token = await login(platform, user.email, user.password);
      expect((await platform.gql(FARMS, undefined, token)).errors).toBeUndefined();
    }
    await platform.gql(SET_ROLE, { r: 'USER', p: [] }, root);
  });
});
