import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.js';
import { errorCode } from './support/graphql-client.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const SCHEMA_QUERY = '{ __schema { queryType { name } } }';
const TYPE_QUERY = '{ __type(name: "User") { name } }';
const TYPO = '{ platfrom { version } }';
const ENUM_TYPO = 'mutation { createUser(email: "typo@example.test", password: "a long enough password", role: ADMN) { id } }';
const ENUM_VARIABLE =
  'mutation($role: Role!) { createUser(email: "typo@example.test", password: "a long enough password", role: $role) { id } }';

async function userToken(platform: TestPlatform, email: string, role: 'USER' | 'ADMIN'): Promise<string> {
  const password = 'a long enough password';
  await platform.gql(
    'mutation($e: String!, $p: String!, $r: Role!) { createUser(email: $e, password: $p, role: $r) { id } }',
    { e: email, p: password, r: role },
    await platform.adminToken(),
  );
  const login = await platform.gql<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    {
      e: email,
      p: password,
    },
  );
  return login.data!.login.token;
}

/** Every error message of the answers to the typo, the enum typo and the mistyped enum variable. */
async function suggestionMessages(platform: TestPlatform, token?: string): Promise<string[]> {
  const answers = [
    await platform.gql(TYPO, {}, token),
    await platform.gql(ENUM_TYPO, {}, token),
    await platform.gql(ENUM_VARIABLE, { role: 'ADMN' }, token),
  ];
  return answers.flatMap((answer) => answer.errors?.map((error) => error.message) ?? []);
}

async function graphiqlPage(platform: TestPlatform): Promise<{ status: number; html: boolean; csp: string | null }> {
  const response = await fetch(platform.graphqlUrl, { headers: { accept: 'text/html' } });
  const html = (response.headers.get('content-type') ?? '').startsWith('text/html') && (await response.text()).includes('A64 Platform');
  return { status: response.status, html, csp: response.headers.get('content-security-policy') };
}

describe('introspection, suggestions and GraphiQL in production (NODE_ENV=production, auto)', () => {
  let platform: TestPlatform;
  let user: string;
  let admin: string;
  beforeAll(async () => {
    platform = await startTestPlatform({ NODE_ENV: 'production' });
    user = await userToken(platform, 'user@example.test', 'USER');
    admin = await userToken(platform, 'admin@example.test', 'ADMIN');
  });
  afterAll(() => platform.stop());

  it('refuses __schema and __type to anonymous callers and USERs with FORBIDDEN', async () => {
    for (const token of [undefined, user]) {
      for (const query of [SCHEMA_QUERY, TYPE_QUERY]) {
        const answer = await platform.gql(query, {}, token);
        expect(errorCode(answer)).toBe('FORBIDDEN');
        expect(answer.data ?? null).toBeNull();
      }
    }
    expect((await platform.gql('{ __typename platform { version } }')).data).toEqual({
      __typename: 'Query',
      platform: { version: '1.0.0' },
    });
  });

  it('lets a signed-in ADMIN and SUPER_ADMIN introspect', async () => {
    for (const token of [admin, await platform.adminToken()]) {
      expect((await platform.gql(SCHEMA_QUERY, {}, token)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      expect((await platform.gql(TYPE_QUERY, {}, token)).data).toEqual({ __type: { name: 'User' } });
    }
  });

  it('cuts "Did you mean" from field, enum and variable errors for callers who may not introspect', async () => {
    for (const token of [undefined, user]) {
      const messages = await suggestionMessages(platform, token);
      expect(messages.length).toBeGreaterThanOrEqual(3);
      expect(messages.join('\n')).not.toMatch(/did you mean|platform"|"ADMIN"/i);
      expect(messages.join('\n')).toContain('platfrom');
    }
    expect((await suggestionMessages(platform, admin)).join('\n')).toMatch(/Did you mean "platform"\?/);
  });

  it('serves no GraphiQL page', async () => {
    expect((await graphiqlPage(platform)).html).toBe(false);
  });
});

describe('introspection, suggestions and GraphiQL in development (auto)', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform.stop());

  it('lets anyone introspect and shows suggestions', async () => {
    expect((await platform.gql(SCHEMA_QUERY)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await suggestionMessages(platform)).join('\n')).toMatch(/Did you mean "platform"\?/);
  });

  it('serves GraphiQL with its own CSP that allows nothing from other origins', async () => {
    const page = await graphiqlPage(platform);
    expect(page).toMatchObject({ status: 200, html: true });
    expect(page.csp).toContain("default-src 'none'");
    expect(page.csp).toContain("connect-src 'self'");
    expect(page.csp).not.toMatch(/https?:/);
  });
});

describe('explicit settings override auto', () => {
  it('INTROSPECTION=off and GRAPHIQL=off close both even for a SUPER_ADMIN in development', async () => {
    const platform = await startTestPlatform({ INTROSPECTION: 'off', GRAPHIQL: 'off' });
    try {
      const admin = await platform.adminToken();
      expect(errorCode(await platform.gql(SCHEMA_QUERY, {}, admin))).toBe('FORBIDDEN');
      expect((await suggestionMessages(platform, admin)).join('\n')).not.toMatch(/did you mean/i);
      expect((await graphiqlPage(platform)).html).toBe(false);
    } finally {
      await platform.stop();
    }
  });

  it('INTROSPECTION=on and GRAPHIQL=on open both to anonymous callers in production', async () => {
    const platform = await startTestPlatform({ NODE_ENV: 'production', INTROSPECTION: 'on', GRAPHIQL: 'on' });
    try {
      expect((await platform.gql(SCHEMA_QUERY)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      expect((await graphiqlPage(platform)).html).toBe(true);
    } finally {
      await platform.stop();
    }
  });

  it('refuses a setting other than auto, on or off at start, naming the variable', () => {
    expect(() => loadConfig({ INTROSPECTION: 'sometimes' })).toThrow(/INTROSPECTION: expected auto, on or off/);
    expect(() => loadConfig({ MAX_QUERY_DEPTH: '-1' })).toThrow(/MAX_QUERY_DEPTH/);
    expect(() => loadConfig({ CORS_ORIGINS: 'not an origin' })).toThrow(/CORS_ORIGINS/);
  });
});
