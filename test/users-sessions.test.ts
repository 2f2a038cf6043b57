import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';
import { CHANGE_PASSWORD, createUser, DELETE, FARMS, GRANT, login, REVOKE, SET_PASSWORD, SET_ROLE, UPDATE } from './support/users.js';

/**
 * Sessions follow the account at once: every request loads the user from the store, so a token
 * issued before a change is judged by the account as it is now. Keep it so when caching the
 * request path (these tests protect that).
 */
describe('sessions follow the account on the very next request', () => {
  let platform: TestPlatform;
  let admin: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    admin = await platform.adminToken();
  });
  afterAll(() => platform.stop());

  it('a grant and a revoke apply to the token the user already has', async () => {
    const worker = await createUser(platform, admin, 'worker@example.test');
    const token = await login(platform, worker.email, worker.password);
    expect(errorCode(await platform.gql(FARMS, undefined, token))).toBe('FORBIDDEN');
    await platform.gql(GRANT, { u: worker.id, p: ['farm.view'] }, admin);
    const allowed = await platform.gql<{ farms: { totalCount: number } }>(FARMS, undefined, token);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.farms.totalCount).toBeGreaterThanOrEqual(0);
    // Many requests in a row (a cache would keep the grant alive), then the revoke.
    for (let i = 0; i < 5; i++) expect((await platform.gql(FARMS, undefined, token)).errors).toBeUndefined();
    await platform.gql(REVOKE, { u: worker.id, p: ['farm.view'] }, admin);
    expect(errorCode(await platform.gql(FARMS, undefined, token))).toBe('FORBIDDEN');
  });

  it('a role permission change applies to existing tokens of that role', async () => {
    const clerk = await createUser(platform, admin, 'clerk@example.test');
    const token = await login(platform, clerk.email, clerk.password);
    await platform.gql(SET_ROLE, { r: 'USER', p: ['farm.view'] }, admin);
    expect((await platform.gql(FARMS, undefined, token)).errors).toBeUndefined();
    await platform.gql(SET_ROLE, { r: 'USER', p: [] }, admin);
    expect(errorCode(await platform.gql(FARMS, undefined, token))).toBe('FORBIDDEN');
  });

  it('a role change applies at once: an ADMIN demoted to USER loses the admin fields and module permissions', async () => {
    const manager = await createUser(platform, admin, 'manager@example.test', 'ADMIN');
    const token = await login(platform, manager.email, manager.password);
    expect((await platform.gql(FARMS, undefined, token)).errors).toBeUndefined();
    expect((await platform.gql('{ users { email } }', undefined, token)).errors).toBeUndefined();
    await platform.gql(UPDATE, { id: manager.id, i: { role: 'USER' } }, admin);
    expect(errorCode(await platform.gql('{ users { email } }', undefined, token))).toBe('FORBIDDEN');
    expect(errorCode(await platform.gql(FARMS, undefined, token))).toBe('FORBIDDEN');
    const me = await platform.gql<{ me: { role: string } }>('{ me { role } }', undefined, token);
    expect(me.data?.me.role).toBe('USER');
  });

  it('a disabled user: the existing token stops working, login gives the wrong-password answer; enabled again, both work', async () => {
    const temp = await createUser(platform, admin, 'temp@example.test');
    const token = await login(platform, temp.email, temp.password);
    const disabled = await platform.gql<{ updateUser: { disabled: boolean } }>(UPDATE, { id: temp.id, i: { disabled: true } }, admin);
    expect(disabled.data?.updateUser.disabled).toBe(true);
    expect(errorCode(await platform.gql('{ me { email } }', undefined, token))).toBe('UNAUTHENTICATED');
    const loginDisabled = await platform.gql('mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', {
      e: temp.email,
      p: temp.password,
    });
    const loginWrong = await platform.gql('mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', {
      e: temp.email,
      p: 'not-the-Passw0rd!',
    });
    expect(errorCode(loginDisabled)).toBe('UNAUTHENTICATED');
    expect(loginDisabled.errors).toEqual(loginWrong.errors);
    await platform.gql(UPDATE, { id: temp.id, i: { disabled: false } }, admin);
    expect((await platform.gql('{ me { email } }', undefined, token)).errors).toBeUndefined();
    expect(await login(platform, temp.email, temp.password)).toBeTruthy();
  });

  it('a deleted user: the existing token stops working', async () => {
    const gone = await createUser(platform, admin, 'gone@example.test');
    const token = await login(platform, gone.email, gone.password);
    expect((await platform.gql(DELETE, { id: gone.id }, admin)).data).toEqual({ deleteUser: true });
    expect(errorCode(await platform.gql('{ me { email } }', undefined, token))).toBe('UNAUTHENTICATED');
  });

  it('changePassword invalidates every earlier token, the caller’s included; the new password signs in', async () => {
    const ann = await createUser(platform, admin, 'ann@example.test');
    const first = await login(platform, ann.email, ann.password);
    const second = await login(platform, ann.email, ann.password);
    const changed = await platform.gql(CHANGE_PASSWORD, { c: ann.password, n: 'a brand new Passphrase' }, first);
    expect(changed.data).toEqual({ changePassword: true });
    for (const token of [first, second])
      expect(errorCode(await platform.gql('{ me { email } }', undefined, token))).toBe('UNAUTHENTICATED');
    await expect(login(platform, ann.email, ann.password)).rejects.toThrow(/UNAUTHENTICATED/);
    const fresh = await login(platform, ann.email, 'a brand new Passphrase');
    expect((await platform.gql('{ me { email } }', undefined, fresh)).errors).toBeUndefined();
  });

  it('changePassword refuses a wrong current password and a weak new one, changing nothing', async () => {
    const bob = await createUser(platform, admin, 'bob@example.test');
    const token = await login(platform, bob.email, bob.password);
    const wrong = await platform.gql(CHANGE_PASSWORD, { c: 'not my Passw0rd!', n: 'a brand new Passphrase' }, token);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    const weak = await platform.gql(CHANGE_PASSWORD, { c: bob.password, n: 'password12' }, token);
    expect(errorCode(weak)).toBe('BAD_USER_INPUT');
    expect((await platform.gql('{ me { email } }', undefined, token)).errors).toBeUndefined();
    expect(await login(platform, bob.email, bob.password)).toBeTruthy();
    expect(errorCode(await platform.gql(CHANGE_PASSWORD, { c: bob.password, n: 'a brand new Passphrase' }))).toBe('UNAUTHENTICATED');
  });

  it('setUserPassword invalidates the user’s earlier tokens', async () => {
    const cy = await createUser(platform, admin, 'cy@example.test');
    const token = await login(platform, cy.email, cy.password);
    expect((await platform.gql(SET_PASSWORD, { id: cy.id, p: 'reset by the Admin 1' }, admin)).data).toEqual({ setUserPassword: true });
    expect(errorCode(await platform.gql('{ me { email } }', undefined, token))).toBe('UNAUTHENTICATED');
    expect(await login(platform, cy.email, 'reset by the Admin 1')).toBeTruthy();
  });

  it('a token with "=" or other bytes appended is refused', async () => {
    const token = await platform.adminToken();
    for (const altered of [`${token}=`, `${token}==`, `${token}.`]) {
      expect(errorCode(await platform.gql('{ me { email } }', undefined, altered))).toBe('UNAUTHENTICATED');
    }
    expect((await platform.gql('{ me { email } }', undefined, token)).errors).toBeUndefined();
  });
});
