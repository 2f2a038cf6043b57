import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLogRepository } from '../src/plugins/audit/index.js';
import { errorCode } from './support/graphql-client.js';
import { ADMIN_PASSWORD, startTestPlatform, type TestPlatform } from './support/start-test-platform.js';
import {
  auditEntries,
  CHANGE_PASSWORD,
  createUser,
  GRANT,
  login,
  SET_PASSWORD,
  SET_ROLE,
  UPDATE,
  USER_FIELDS,
  type UserView,
} from './support/users.js';

const CREATE = `mutation($e:String!,$p:String!,$r:Role!){ createUser(email:$e, password:$p, role:$r){ ${USER_FIELDS} } }`;
const LOGIN = 'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }';
const MEGABYTE = 'a'.repeat(1024 * 1024);

describe('bad input on users and permissions: a coded error, nothing half-written', () => {
  let platform: TestPlatform;
  let root: string;
  let rootId: string;
  let worker: UserView & { password: string };

  const snapshot = async () => ({
    users: (await platform.gql<{ users: UserView[] }>(`{ users { ${USER_FIELDS} } }`, undefined, root)).data!.users.map(
      ({ lastLoginAt: _, ...u }) => u,
    ),
    roles: (await platform.gql('{ rolePermissions { role permissions } }', undefined, root)).data,
  });

  beforeAll(async () => {
    platform = await startTestPlatform({ MAX_BODY_BYTES: String(8 * 1024 * 1024) });
    root = await platform.adminToken();
    rootId = (await platform.gql<{ me: { id: string } }>('{ me { id } }', undefined, root)).data!.me.id;
    worker = await createUser(platform, root, 'worker@example.test');
  });
  afterAll(() => platform.stop());

  it.each([
    ['ten spaces', '          '],
    ['1234567890', '1234567890'],
    ['password12', 'password12'],
    ['qwertyuiop', 'qwertyuiop'],
    ['the email itself', 'weak@example.test'],
    ['too short', 'Sh0rt!'],
  ])('refuses a trivial password (%s) for every role', async (_name, password) => {
    for (const role of ['SUPER_ADMIN', 'USER']) {
      const response = await platform.gql(CREATE, { e: 'weak@example.test', p: password, r: role }, root);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/password/);
    }
    const forWorker = password === 'weak@example.test' ? worker.email : password;
    expect(errorCode(await platform.gql(SET_PASSWORD, { id: worker.id, p: forWorker }, root))).toBe('BAD_USER_INPUT');
  });

  it('refuses 1 MB emails and passwords before hashing, on login and on every user mutation', async () => {
    const cases: Array<[string, Record<string, unknown>, string | undefined]> = [
      [LOGIN, { e: `${MEGABYTE}@example.test`, p: 'whatever-Passw0rd' }, undefined],
      [LOGIN, { e: 'worker@example.test', p: MEGABYTE }, undefined],
      [CREATE, { e: `${MEGABYTE}@example.test`, p: 'fine-Passw0rd!', r: 'USER' }, root],
      [CREATE, { e: 'big@example.test', p: MEGABYTE, r: 'USER' }, root],
      [SET_PASSWORD, { id: worker.id, p: MEGABYTE }, root],
      [CHANGE_PASSWORD, { c: MEGABYTE, n: 'a brand new Passphrase' }, root],
      [CHANGE_PASSWORD, { c: ADMIN_PASSWORD, n: MEGABYTE }, root],
    ];
    for (const [query, variables, token] of cases) {
      const response = await platform.gql(query, variables, token);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/at most|wrong/);
      expect(JSON.stringify(response).length).toBeLessThan(10_000);
    }
  });

  it.each([
    ['unknown user id (update)', UPDATE, { id: 'no-such-user', i: { disabled: true } }, 'BAD_USER_INPUT', /no-such-user/],
    ['unknown user id (grant)', GRANT, { u: 'no-such-user', p: ['farm.view'] }, 'BAD_USER_INPUT', /no-such-user/],
    ['unknown user id (password)', SET_PASSWORD, { id: 'no-such-user', p: 'fine new Passw0rd' }, 'BAD_USER_INPUT', /no-such-user/],
    ['unknown permission', GRANT, { u: '$worker', p: ['farm.view', 'farm.teleport'] }, 'BAD_USER_INPUT', /farm\.teleport/],
    ['malformed permission', GRANT, { u: '$worker', p: ['Farm View'] }, 'BAD_USER_INPUT', /farm\.view/],
    ['unknown permission for a role', SET_ROLE, { r: 'USER', p: ['farm.view', 'nobody.declares'] }, 'BAD_USER_INPUT', /nobody\.declares/],
    ['setting the SUPER_ADMIN role', SET_ROLE, { r: 'SUPER_ADMIN', p: [] }, 'BAD_USER_INPUT', /SUPER_ADMIN always/],
    ['granting to a SUPER_ADMIN', GRANT, { u: '$root', p: ['farm.view'] }, 'BAD_USER_INPUT', /holds every permission/],
  ])('refuses %s', async (_name, query, variables, code, message) => {
    const before = await snapshot();
    const resolved = JSON.parse(
      JSON.stringify(variables).replace('"$worker"', JSON.stringify(worker.id)).replace('"$root"', JSON.stringify(rootId)),
    );
    const response = await platform.gql(query, resolved, root);
    expect(errorCode(response)).toBe(code);
    expect(response.errors?.[0]?.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('answers user(id) for an unknown id with null', async () => {
    expect((await platform.gql('query($id:ID!){ user(id:$id){ email } }', { id: 'nope' }, root)).data).toEqual({ user: null });
  });

  it('audits every act with who, whom and what, refused ones included, never a password', async () => {
    const clerk = await createUser(platform, root, 'clerk@example.test');
    await platform.gql(GRANT, { u: clerk.id, p: ['farm.view'] }, root);
    await platform.gql(UPDATE, { id: clerk.id, i: { disabled: true } }, root);
    await platform.gql(SET_PASSWORD, { id: clerk.id, p: 'the secret Passw0rd' }, root);
    await platform.gql(SET_ROLE, { r: 'USER', p: [] }, root);
    const clerkToken = await (async () => {
      await platform.gql(UPDATE, { id: clerk.id, i: { disabled: false } }, root);
      return login(platform, clerk.email, 'the secret Passw0rd');
    })();
    await platform.gql(GRANT, { u: clerk.id, p: ['farm.delete'] }, clerkToken);
    const entries = await auditEntries(platform, 30);
    const find = (action: string, outcome = 'SUCCEEDED') => entries.find((e) => e.action === action && e.outcome === outcome);
    expect(find('user.create')).toMatchObject({ actor: 'root@example.test', details: { target: 'clerk@example.test', role: 'USER' } });
    expect(find('user.grant')).toMatchObject({ details: { target: 'clerk@example.test', permissions: ['farm.view'] } });
    const disabling = entries.find((e) => e.action === 'user.update' && e.details.disabled === true);
    expect(disabling).toMatchObject({ outcome: 'SUCCEEDED', details: { target: 'clerk@example.test', from: { disabled: false } } });
    expect(find('user.password.set')).toMatchObject({ details: { target: 'clerk@example.test' } });
    expect(find('role.permissions.set')).toMatchObject({ details: { role: 'USER', permissions: [] } });
    expect(find('user.grant', 'FAILED:FORBIDDEN')).toMatchObject({ actor: 'clerk@example.test', details: { targetId: clerk.id } });
    const text = JSON.stringify(entries);
    expect(text).not.toContain('the secret Passw0rd');
    expect(text).not.toContain(clerk.password);
    expect(text).not.toContain(MEGABYTE.slice(0, 1000));
    // The entries keep the hash chain intact.
    expect(await createAuditLogRepository(platform.store).verify()).toMatchObject({ ok: true });
  });
});
