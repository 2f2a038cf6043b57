import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const QUERY = '{ platform { version } }';
const APP = 'http://app.example.test';
const OTHER_APP = 'http://admin.example.test';
const EVIL = 'http://evil.example';

function post(platform: TestPlatform, headers: Record<string, string>, body = JSON.stringify({ query: QUERY })) {
  return fetch(platform.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

function preflight(platform: TestPlatform, origin: string) {
  return fetch(platform.graphqlUrl, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
}

async function codeOf(response: Response): Promise<unknown> {
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  return body.errors?.[0]?.extensions?.code;
}

describe('CORS with no CORS_ORIGINS: same origin only', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform.stop());

  it('gives a foreign origin no CORS headers, on the request or the preflight', async () => {
    const answer = await post(platform, { origin: EVIL });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    const checked = await preflight(platform, EVIL);
    expect(checked.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('still answers same-origin and non-browser callers', async () => {
    expect(await (await post(platform, {})).json()).toEqual({ data: { platform: { version: '1.0.0' } } });
  });
});

describe('CORS with an allow-list', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ CORS_ORIGINS: `${APP}, ${OTHER_APP}/` });
  });
  afterAll(() => platform.stop());

  it('answers each listed origin with its own origin', async () => {
    for (const origin of [APP, OTHER_APP]) {
      const answer = await post(platform, { origin });
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      const checked = await preflight(platform, origin);
      expect(checked.headers.get('access-control-allow-origin')).toBe(origin);
      expect(checked.headers.get('access-control-allow-headers')).toContain('authorization');
    }
  });

  it('never reflects an origin that is not on the list', async () => {
    for (const origin of [EVIL, `${APP}.evil.example`, 'null']) {
      expect((await post(platform, { origin })).headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(platform, origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('CSRF prevention', () => {
  let platform: TestPlatform;
  let admin: string;
  beforeAll(async () => {
    platform = await startTestPlatform();
    admin = await platform.adminToken();
  });
  afterAll(() => platform.stop());

  const getUrl = (query: string) => `${platform.graphqlUrl}?query=${encodeURIComponent(query)}`;

  it('refuses requests a web page can send without a preflight (GET, form, text/plain) with FORBIDDEN', async () => {
    const simple = [
      fetch(getUrl(QUERY)),
      post(platform, { 'content-type': 'text/plain' }),
      post(platform, { 'content-type': 'application/x-www-form-urlencoded' }, `query=${encodeURIComponent(QUERY)}`),
      fetch(platform.graphqlUrl, {
        method: 'POST',
        body: (() => {
          const form = new FormData();
          form.set('operations', JSON.stringify({ query: QUERY }));
          return form;
        })(),
      }),
    ];
    for (const response of await Promise.all(simple)) {
      expect(response.status).toBe(403);
      expect(await codeOf(response)).toBe('FORBIDDEN');
    }
  });

  it('answers JSON POSTs and GETs that carry the x-graphql-yoga-csrf header', async () => {
    expect(await (await post(platform, {})).json()).toEqual({ data: { platform: { version: '1.0.0' } } });
    const get = await fetch(getUrl(QUERY), { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(await get.json()).toEqual({ data: { platform: { version: '1.0.0' } } });
  });

  it('never runs a mutation over GET, even with the header and a token', async () => {
    const mutation = 'mutation { createUser(email: "over-get@example.test", password: "a long enough password", role: USER) { id } }';
    const response = await fetch(getUrl(mutation), { headers: { 'x-graphql-yoga-csrf': '1', authorization: `Bearer ${admin}` } });
    expect(response.status).toBe(405);
    const users = await platform.gql<{ users: Array<{ email: string }> }>('{ users { email } }', {}, admin);
    expect(users.data?.users.map((user) => user.email)).not.toContain('over-get@example.test');
  });

  it('keeps subscriptions over SSE working for JSON POSTs (the admin page’s way)', async () => {
    const controller = new AbortController();
    const response = await fetch(platform.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: 'subscription { moduleEvents { operationId } }' }),
      signal: controller.signal,
    });
    try {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
    } finally {
      controller.abort();
    }
  });
});
