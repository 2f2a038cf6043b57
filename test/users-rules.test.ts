import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { ADMIN_EMAIL, startTestPlatform, type TestPlatform } from './support/start-test-platform.js';
import { createUser, DELETE, GRANT, login, REVOKE, SET_PASSWORD, SET_ROLE, UPDATE, USER_FIELDS, type UserView } from './support/users.js';

const CREATE = `mutation($e:String!,$p:String!,$r:Role!){ createUser(email:$e, password:$p, role:$r){ ${USER_FIELDS} } }`;

describe('who may manage users and permissions', () => {
  let platform: TestPlatform;
  let root: string;
  let rootId: string;
  let admin: UserView & { password: string };
  let adminToken: string;
  let otherAdmin: UserView & { password: string };
  let worker: UserView & { password: string };
  let workerToken: string;

  const users = async () => (await platform.gql<{ users: UserView[] }>(`{ users { ${USER_FIELDS} } }`, undefined, root)).data!.users;

  beforeAll(async () => {
    platform = await startTestPlatform();
    root = await platform.adminToken();
    rootId = (await platform.gql<{ me: { id: string } }>('{ me { id } }', undefined, root)).data!.me.id;
    admin = await createUser(platform, root, 'office@example.test', 'ADMIN');
    adminToken = await login(platform, admin.email, admin.password);
    otherAdmin = await createUser(platform, root, 'office2@example.test', 'ADMIN');
    worker = await createUser(platform, root, 'worker@example.test');
    workerToken = await login(platform, worker.email, worker.password);
  });
  afterAll(() => platform.stop());

  it('shows effective permissions: SUPER_ADMIN and ADMIN (default) every module permission, USER none', async () => {
    const list = await users();
    const byEmail = Object.fromEntries(list.map((u) => [u.email, u]));
    expect(byEmail[ADMIN_EMAIL]!.permissions).toContain('farm.delete');
    expect(byEmail[admin.email]!.permissions).toContain('farm.delete');
    expect(byEmail[worker.email]!).toMatchObject({ permissions: [], grants: [], disabled: false, role: 'USER' });
    expect(byEmail[ADMIN_EMAIL]!.lastLoginAt).not.toBeNull();
  });

  it('an ADMIN creates, grants, revokes, disables and resets USER accounts', async () => {
    const made = await platform.gql<{ createUser: UserView }>(
      CREATE,
      { e: 'new@example.test', p: 'new-user-Passw0rd', r: 'USER' },
      adminToken,
    );
    expect(made.data?.createUser.role).toBe('USER');
    const id = made.data!.createUser.id;
    const granted = await platform.gql<{ grantPermissions: UserView }>(
      GRANT,
      { u: id, p: ['farm.view', 'farm.manage_blocks'] },
      adminToken,
    );
    expect(granted.data?.grantPermissions).toMatchObject({
      grants: ['farm.manage_blocks', 'farm.view'],
      permissions: ['farm.manage_blocks', 'farm.view'],
    });
    const revoked = await platform.gql<{ revokePermissions: UserView }>(REVOKE, { u: id, p: ['farm.manage_blocks'] }, adminToken);
    expect(revoked.data?.revokePermissions.grants).toEqual(['farm.view']);
    expect(
      (await platform.gql<{ updateUser: UserView }>(UPDATE, { id, i: { disabled: true } }, adminToken)).data?.updateUser.disabled,
    ).toBe(true);
    expect((await platform.gql(SET_PASSWORD, { id, p: 'office reset Passw0rd' }, adminToken)).data).toEqual({ setUserPassword: true });
    const one = await platform.gql<{ user: UserView }>(`query($id:ID!){ user(id:$id){ ${USER_FIELDS} } }`, { id }, adminToken);
    expect(one.data?.user).toMatchObject({ email: 'new@example.test', disabled: true, grants: ['farm.view'] });
  });

  it.each([
    ['create an ADMIN', () => platform.gql(CREATE, { e: 'sneaky@example.test', p: 'sneaky-Passw0rd!', r: 'ADMIN' }, adminToken)],
    ['promote a USER to ADMIN', () => platform.gql(UPDATE, { id: worker.id, i: { role: 'ADMIN' } }, adminToken)],
    ['disable another ADMIN', () => platform.gql(UPDATE, { id: otherAdmin.id, i: { disabled: true } }, adminToken)],
    ['grant itself a permission', () => platform.gql(GRANT, { u: admin.id, p: ['farm.view'] }, adminToken)],
    ['grant to another ADMIN', () => platform.gql(GRANT, { u: otherAdmin.id, p: ['farm.view'] }, adminToken)],
    ['reset an ADMIN password', () => platform.gql(SET_PASSWORD, { id: otherAdmin.id, p: 'taken over Passw0rd' }, adminToken)],
    ['reset the SUPER_ADMIN password', () => platform.gql(SET_PASSWORD, { id: rootId, p: 'taken over Passw0rd' }, adminToken)],
    ['delete a USER', () => platform.gql(DELETE, { id: worker.id }, adminToken)],
    ['set role permissions', () => platform.gql(SET_ROLE, { r: 'USER', p: ['farm.view'] }, adminToken)],
  ])('an ADMIN cannot %s (FORBIDDEN, nothing changed)', async (_what, act) => {
    const before = await users();
    expect(errorCode(await act())).toBe('FORBIDDEN');
    expect(await users()).toEqual(before);
  });

  it.each([
    ['list users', '{ users { email } }', {}],
    ['read a user', 'query($id:ID!){ user(id:$id){ email } }', { id: 'x' }],
    ['read permissions', '{ permissions { name } }', {}],
    ['read role permissions', '{ rolePermissions { role } }', {}],
    ['grant', GRANT, { u: 'x', p: ['farm.view'] }],
    ['update a user', UPDATE, { id: 'x', i: { disabled: true } }],
  ])('a USER cannot %s (FORBIDDEN); anonymous UNAUTHENTICATED', async (_what, query, variables) => {
    expect(errorCode(await platform.gql(query, variables, workerToken))).toBe('FORBIDDEN');
    expect(errorCode(await platform.gql(query, variables))).toBe('UNAUTHENTICATED');
  });

  it('nobody deletes themselves; the last enabled SUPER_ADMIN cannot be disabled, demoted or deleted', async () => {
    const self = await platform.gql(DELETE, { id: rootId }, root);
    expect(errorCode(self)).toBe('BAD_USER_INPUT');
    expect(self.errors?.[0]?.message).toMatch(/your own account/);
    for (const input of [{ disabled: true }, { role: 'ADMIN' }, { role: 'USER' }]) {
      const response = await platform.gql(UPDATE, { id: rootId, i: input }, root);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/last enabled SUPER_ADMIN/);
    }
    // With a second SUPER_ADMIN, the first may be demoted; the second then is the last one.
    const second = await createUser(platform, root, 'second-root@example.test', 'SUPER_ADMIN');
    const secondToken = await login(platform, second.email, second.password);
    expect(errorCode(await platform.gql(DELETE, { id: rootId }, secondToken))).toBeUndefined();
    expect(errorCode(await platform.gql(UPDATE, { id: second.id, i: { disabled: true } }, secondToken))).toBe('BAD_USER_INPUT');
    expect((await platform.gql<{ me: { role: string } }>('{ me { role } }', undefined, secondToken)).data?.me.role).toBe('SUPER_ADMIN');
  });
});
