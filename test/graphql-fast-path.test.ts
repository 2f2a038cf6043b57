import { makeExecutableSchema } from '@graphql-tools/schema';
import type { Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthService } from '../src/auth/index.js';
import { createLogger } from '../src/logging/index.js';
import { close, listen } from '../src/platform/listen.js';
import { createSchemaHolder } from '../src/plugins/composer/schema-holder.js';
import { createHttpServer } from '../src/server/create-http-server.js';
import { createYogaServer } from '../src/server/create-yoga-server.js';
import { createGraphqlRequestHandler } from '../src/server/fast-path/create-graphql-request-handler.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

// Every plain JSON POST to /graphql takes the fast path (src/server/fast-path/); the same request
// with a query string in the URL goes through yoga's own node adapter. Both must answer the same
// bytes, status and headers, whatever the request.
const APP = 'http://app.example.test';
const COMPARED_HEADERS = [
  'content-type',
  'content-length',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'vary',
  'allow',
];

interface Answer {
  status: number;
  headers: Record<string, string | null>;
  body: string;
}

async function answer(url: string, headers: Record<string, string>, body: string): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers, body });
  return {
    status: response.status,
    headers: Object.fromEntries(COMPARED_HEADERS.map((name) => [name, response.headers.get(name)])),
    body: await response.text(),
  };
}

describe('the plain JSON path answers exactly as yoga does', () => {
  let platform: TestPlatform;
  let token: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ CORS_ORIGINS: APP, NODE_ENV: 'production' });
    token = await platform.adminToken();
  });
  afterAll(() => platform.stop());

  async function both(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const all = { 'content-type': 'application/json', ...headers };
    const fast = await answer(platform.graphqlUrl, all, text);
    const viaYoga = await answer(`${platform.graphqlUrl}?via=yoga`, all, text);
    expect(fast).toEqual(viaYoga);
    return fast;
  }

  const admin = () => ({ authorization: `Bearer ${token}` });

  it('a query, anonymous and signed in, with variables and an operation name', async () => {
    expect((await both({ query: '{ platform { version } }' })).status).toBe(200);
    const me = await both({ query: 'query Me { me { email role } }', operationName: 'Me' }, admin());
    expect(JSON.parse(me.body).data.me.role).toBe('SUPER_ADMIN');
    await both({ query: 'query($id: ID!) { user(id: $id) { email } }', variables: { id: 'no-such-user' } }, admin());
  });

  it('field errors: a field that needs a user, a bad token (UNAUTHENTICATED), a bad variable', async () => {
    const forbidden = await both({ query: '{ users { email } }' });
    expect(JSON.parse(forbidden.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const badToken = await both({ query: '{ me { email } }' }, { authorization: 'Bearer not-a-token' });
    expect(badToken.body).toContain('UNAUTHENTICATED');
    const badVariable = await both({ query: 'query($id: ID!) { user(id: $id) { email } }', variables: { id: { no: 1 } } }, admin());
    expect(badVariable.body).toContain('BAD_USER_INPUT');
  });

  it('an answer with characters beyond ASCII carries its length in bytes, not characters', async () => {
    const echoed = await both({ query: 'query($n: Int!) { farms(first: $n) { totalCount } }', variables: { n: 'Größe 日本 🌾' } }, admin());
    expect(echoed.body).toContain('Größe 日本 🌾');
    expect(Number(echoed.headers['content-length'])).toBe(Buffer.byteLength(echoed.body));
    expect(Number(echoed.headers['content-length'])).toBeGreaterThan(echoed.body.length);
  });

  it('validation and syntax errors, with and without "Did you mean" (introspection is for admins here)', async () => {
    const typo = await both({ query: '{ platfrom { version } }' });
    expect(typo.status).toBe(400);
    expect(typo.body).not.toContain('Did you mean');
    expect((await both({ query: '{ platfrom { version } }' }, admin())).body).toContain('Did you mean');
    expect((await both({ query: '{ platform { ' })).body).toContain('Syntax Error');
    const introspection = await both({ query: '{ __schema { queryType { name } } }' });
    expect(introspection.body).toContain('FORBIDDEN');
  });

  it('a limit breach (QUERY_TOO_COMPLEX) and a mutation (a failed sign-in)', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: platform { version }`).join(' ');
    expect((await both({ query: `{ ${aliases} }` })).body).toContain('QUERY_TOO_COMPLEX');
    const login = await both({ query: 'mutation { login(email: "nobody@example.test", password: "wrong password") { token } }' });
    expect(login.body).toContain('UNAUTHENTICATED');
  });

  it('what the GraphQL-over-HTTP media type changes (status codes), and an Accept nothing matches (406)', async () => {
    const accept = { accept: 'application/graphql-response+json' };
    expect((await both({ query: '{ platform { version } }' }, accept)).headers['content-type']).toContain('graphql-response+json');
    expect((await both({ query: '{ platfrom }' }, accept)).status).toBe(400);
    expect((await both({ query: '{ platform { version } }' }, { accept: 'text/html' })).status).toBe(406);
  });

  it('CORS for an allowed origin and none for another', async () => {
    const allowed = await both({ query: '{ platform { version } }' }, { origin: APP });
    expect(allowed.headers['access-control-allow-origin']).toBe(APP);
    expect(
      (await both({ query: '{ platform { version } }' }, { origin: 'http://evil.example' })).headers['access-control-allow-origin'],
    ).toBeNull();
  });

  it('bodies that are not one well-formed operation get yoga’s own errors', async () => {
    for (const body of [
      '{"query":',
      '[{"query":"{ __typename }"}]',
      '{"query":"{ __typename }","extra":1}',
      '{"variables":{}}',
      '{"query":42}',
      '"text"',
    ]) {
      const refused = await both(body);
      expect(JSON.parse(refused.body).errors, body).toHaveLength(1);
    }
  });
});

interface AnswerServer {
  url: string;
  /** How many requests went to yoga's own node adapter (yoga called as a request listener). */
  adapterCalls: () => number;
  stop: () => Promise<void>;
}

/**
 * The production handler over a one-field schema (`answer: 42`) on 127.0.0.1. No request here
 * sends a token, so the auth service is never consulted.
 */
async function startAnswerServer(
  options: { plainJsonPath?: boolean; plugins?: Plugin[]; logger?: ReturnType<typeof createLogger> } = {},
): Promise<AnswerServer> {
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const schema = makeExecutableSchema({ typeDefs: 'type Query { answer: Int! }', resolvers: { Query: { answer: () => 42 } } });
  const yoga = createYogaServer({ schemaHolder: createSchemaHolder(schema), auth: {} as AuthService, logger, plugins: options.plugins });
  let calls = 0;
  const counted = new Proxy(yoga, {
    apply(target, self, args) {
      calls++;
      return Reflect.apply(target, self, args);
    },
  });
  const graphql = createGraphqlRequestHandler(counted, {
    graphqlEndpoint: '/graphql',
    logger,
    plainJsonPath: options.plainJsonPath,
  });
  const server = createHttpServer({ graphql, graphqlEndpoint: '/graphql', limits: { maxBodyBytes: 1 << 20 } });
  const url = `${await listen(server, 0, '127.0.0.1')}/graphql`;
  return { url, adapterCalls: () => calls, stop: () => close(server) };
}

const json = { 'content-type': 'application/json' };
const query = JSON.stringify({ query: '{ answer }' });

describe('which requests take the plain JSON path', () => {
  let server: AnswerServer;
  beforeAll(async () => {
    server = await startAnswerServer();
  });
  afterAll(() => server.stop());

  async function adapterCallsFor(target: string, init: RequestInit): Promise<{ calls: number; body: string }> {
    const before = server.adapterCalls();
    const response = await fetch(target, init);
    return { calls: server.adapterCalls() - before, body: await response.text() };
  }

  it('a JSON POST of one operation does not touch yoga’s node adapter, and is answered', async () => {
    expect(await adapterCallsFor(server.url, { method: 'POST', headers: json, body: query })).toEqual({
      calls: 0,
      body: '{"data":{"answer":42}}',
    });
    const charset = { 'content-type': 'application/json; charset=utf-8', accept: 'application/graphql-response+json' };
    expect((await adapterCallsFor(server.url, { method: 'POST', headers: charset, body: query })).calls).toBe(0);
  });

  it('with GRAPHQL_FAST_PATH=off (plainJsonPath: false) even a plain JSON POST goes to yoga', async () => {
    const off = await startAnswerServer({ plainJsonPath: false });
    try {
      const response = await fetch(off.url, { method: 'POST', headers: json, body: query });
      expect(await response.text()).toBe('{"data":{"answer":42}}');
      expect(off.adapterCalls()).toBe(1);
    } finally {
      await off.stop();
    }
  });

  it('GET, other content types, SSE, query strings, batches and broken bodies go to yoga', async () => {
    const { url } = server;
    const cases: Array<[string, RequestInit]> = [
      [`${url}?query=${encodeURIComponent('{ answer }')}`, { headers: { 'x-graphql-yoga-csrf': '1' } }],
      [url, { method: 'POST', headers: { 'content-type': 'application/graphql' }, body: '{ answer }' }],
      [url, { method: 'POST', headers: { ...json, accept: 'text/event-stream' }, body: query }],
      [`${url}?x=1`, { method: 'POST', headers: json, body: query }],
      [url, { method: 'POST', headers: json, body: `[${query}]` }],
      [url, { method: 'POST', headers: json, body: '{"query":' }],
    ];
    for (const [target, init] of cases) expect((await adapterCallsFor(target, init)).calls, `${init.method} ${target}`).toBe(1);
  });
});

describe('a plain JSON request whose answer cannot be made', () => {
  let server: AnswerServer;
  const logged: unknown[] = [];

  beforeAll(async () => {
    const logger = createLogger({ level: 'silent' });
    logger.error = ((...args: unknown[]) => void logged.push(args)) as typeof logger.error;
    // A plugin whose result hook fails (a bug in a plugin, say): the request must still be answered.
    const failing: Plugin = {
      onResultProcess() {
        throw new Error('secret detail of a broken plugin');
      },
    };
    server = await startAnswerServer({ plugins: [failing], logger });
  });
  afterAll(() => server.stop());

  it('gets a masked 500, logged, and the server goes on serving', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await fetch(server.url, { method: 'POST', headers: json, body: query });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text).errors[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(text).not.toContain('secret detail');
    }
    expect(logged.length).toBeGreaterThan(0);
  });
});
