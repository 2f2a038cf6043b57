import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const LOGIN = 'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token expiresAt user { id email role } } }';
const CREATE_USER = 'mutation($e:String!,$p:String!,$r:Role!){ createUser(email:$e, password:$p, role:$r){ id email role createdAt } }';

describe('auth and users over GraphQL', () => {
  let platform: TestPlatform;
  let adminToken: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    adminToken = await platform.adminToken();
  });
  afterAll(() => platform.stop());

  it('logs the bootstrap super admin in and answers me', async () => {
    const login = await platform.gql<{ login: { token: string; expiresAt: string; user: { email: string; role: string } } }>(LOGIN, {
      e: ADMIN_EMAIL,
      p: ADMIN_PASSWORD,
    });
    expect(login.data?.login.user).toMatchObject({ email: ADMIN_EMAIL, role: 'SUPER_ADMIN' });
    expect(new Date(login.data!.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await platform.gql<{ me: { email: string } }>('{ me { email role } }', undefined, login.data!.login.token);
    expect(me.data?.me).toEqual({ email: ADMIN_EMAIL, role: 'SUPER_ADMIN' });
  });

  it('answers me with null without a token', async () => {
    const me = await platform.gql('{ me { email } }');
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({ me: null });
  });

  it('gives the same UNAUTHENTICATED answer for a wrong password and an unknown email', async () => {
    const wrongPassword = await platform.gql(LOGIN, { e: ADMIN_EMAIL, p: 'wrong password!!' });
    const unknownEmail = await platform.gql(LOGIN, { e: 'nobody@example.test', p: ADMIN_PASSWORD });
    expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(wrongPassword.errors).toEqual(unknownEmail.errors);
    expect(JSON.stringify(wrongPassword)).not.toContain(ADMIN_PASSWORD);
  });

  it('creates users (SUPER_ADMIN only) who can log in; emails are unique', async () => {
    const created = await platform.gql<{ createUser: { email: string; role: string } }>(
      CREATE_USER,
      { e: 'Ann@Example.test', p: 'ann-password-1', r: 'USER' },
      adminToken,
    );
    expect(created.data?.createUser).toMatchObject({ email: 'ann@example.test', role: 'USER' });
    const duplicate = await platform.gql(CREATE_USER, { e: 'ann@example.test', p: 'another-password', r: 'ADMIN' }, adminToken);
    expect(errorCode(duplicate)).toBe('BAD_USER_INPUT');
    expect(duplicate.errors?.[0]?.message).toContain('already exists');

    const ann = await platform.gql<{ login: { token: string } }>(LOGIN, { e: 'ann@example.test', p: 'ann-password-1' });
    const annToken = ann.data!.login.token;
    expect(errorCode(await platform.gql(CREATE_USER, { e: 'bob@example.test', p: 'bob-password-1', r: 'USER' }, annToken))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await platform.gql('{ users { email } }', undefined, annToken))).toBe('FORBIDDEN');
    expect(errorCode(await platform.gql('{ users { email } }'))).toBe('UNAUTHENTICATED');
    const users = await platform.gql<{ users: Array<{ email: string }> }>('{ users { email } }', undefined, adminToken);
    expect(users.data?.users.map((user) => user.email)).toEqual([ADMIN_EMAIL, 'ann@example.test']);
  });

  it.each([
    [{ e: 'weak@example.test', p: 'short', r: 'USER' }, 'BAD_USER_INPUT', 'password'],
    [{ e: 'weak@example.test', p: '', r: 'USER' }, 'BAD_USER_INPUT', 'password'],
    [{ e: 'not-an-email', p: 'long-enough-password', r: 'USER' }, 'BAD_USER_INPUT', 'email'],
  ])('refuses bad user input %j and writes nothing', async (variables, code, field) => {
    const response = await platform.gql(CREATE_USER, variables, adminToken);
    expect(errorCode(response)).toBe(code);
    expect(response.errors?.[0]?.message).toContain(field);
    const users = await platform.gql<{ users: Array<{ email: string }> }>('{ users { email } }', undefined, adminToken);
    expect(users.data?.users.map((user) => user.email)).not.toContain(variables.e);
  });

  it('refuses an unknown role as a variable error', async () => {
    const response = await platform.gql(CREATE_USER, { e: 'role@example.test', p: 'long-enough-password', r: 'OWNER' }, adminToken);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.message).toContain('OWNER');
  });

  describe('tokens', () => {
    async function signed(claims: { sub: string; exp: number }, secret?: Uint8Array) {
      const key = secret ?? Buffer.from((await readFile(path.join(platform.dataDir, 'secrets', 'token.key'), 'utf8')).trim(), 'base64');
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.sub)
        .setIssuer('a64-platform')
        .setAudience(platform.installationId)
        .setIssuedAt(claims.exp - 3600)
        .setExpirationTime(claims.exp)
        .sign(key);
    }

    it('refuses an expired token', async () => {
      const me = await platform.gql<{ me: { id: string } }>('{ me { id } }', undefined, adminToken);
      const expired = await signed({ sub: me.data!.me.id, exp: Math.floor(Date.now() / 1000) - 60 });
      const response = await platform.gql('{ me { id } }', undefined, expired);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0]?.message).toContain('expired');
    });

    it('refuses a token signed with another key', async () => {
      const forged = await signed({ sub: 'anyone', exp: Math.floor(Date.now() / 1000) + 600 }, new Uint8Array(32).fill(7));
      expect(errorCode(await platform.gql('{ me { id } }', undefined, forged))).toBe('UNAUTHENTICATED');
    });

    it('refuses a token whose payload was tampered with', async () => {
      const [header, payload, signature] = adminToken.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      const tampered = [header, Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url'), signature].join('.');
      expect(errorCode(await platform.gql('{ me { id } }', undefined, tampered))).toBe('UNAUTHENTICATED');
      expect(errorCode(await platform.gql('{ users { id } }', undefined, 'garbage'))).toBe('UNAUTHENTICATED');
    });

    it('still lets a client with a stale token log in again', async () => {
      const login = await platform.gql(LOGIN, { e: ADMIN_EMAIL, p: ADMIN_PASSWORD }, 'stale.token.value');
      expect(login.errors).toBeUndefined();
    });
  });
});
