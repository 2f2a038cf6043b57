import { once } from 'node:events';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { subscribeModuleEvents } from './support/module-events.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';
import { createUser, login } from './support/users.js';

/** One raw HTTP exchange: what the server answers (status line) and that it closed the socket. */
function rawExchange(url: string, sendFirst: string): { socket: Socket; answer: Promise<string> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let answer = '';
  socket.on('data', (chunk) => {
    answer += chunk.toString();
  });
  socket.on('error', () => {});
  socket.write(sendFirst);
  return { socket, answer: once(socket, 'close').then(() => answer) };
}

function status(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP limits', () => {
  let platform: TestPlatform;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    platform = await startTestPlatform({
      ALLOWED_HOSTS: 'api.example.test,127.0.0.1',
      HEADERS_TIMEOUT_SECONDS: '1',
      REQUEST_TIMEOUT_SECONDS: '2',
      MAX_HEADER_BYTES: '8192',
    });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.destroy();
  });
  afterAll(() => platform.stop());

  it('serves only the hosts of ALLOWED_HOSTS (health checks excepted)', async () => {
    const port = new URL(platform.url).port;
    expect(await status(`${platform.url}/graphql?query=%7B__typename%7D`, { host: 'evil.example' })).toBe(421);
    expect(await status(`${platform.url}/admin`, { host: `evil.example:${port}` })).toBe(421);
    // A GET carries the CSRF header (docs/operators/limits.md#csrf).
    expect(
      await status(`${platform.url}/graphql?query=%7B__typename%7D`, { host: `api.example.test:${port}`, 'x-graphql-yoga-csrf': '1' }),
    ).toBe(200);
    expect(await status(`${platform.url}/health`, { host: 'evil.example' })).toBe(200);
  });

  it('refuses a request head over MAX_HEADER_BYTES with 431', async () => {
    expect(await status(`${platform.url}/health`, { 'x-padding': 'p'.repeat(10_000) })).toBe(431);
  });

  it('closes a socket whose headers never finish (slowloris)', async () => {
    const exchange = rawExchange(platform.url, 'GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a');
    sockets.push(exchange.socket);
    expect(await exchange.answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a socket whose body never finishes', async () => {
    const exchange = rawExchange(
      platform.url,
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"query":',
    );
    sockets.push(exchange.socket);
    expect(await exchange.answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('refuses a GraphQL body over the 64 KB default with 413 and a streamed one with 411', async () => {
    const big = await fetch(platform.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ platform { version } } # ${'x'.repeat(70_000)}` }),
    });
    expect(big.status).toBe(413);
    expect(errorCode((await big.json()) as never)).toBe('BAD_USER_INPUT');
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(platform.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"query":');
      req.end('"{ platform { version } }"}');
    });
    expect(chunked).toBe(411);
  });
});

describe('connection cap', () => {
  let platform: TestPlatform;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    platform = await startTestPlatform({ MAX_CONNECTIONS: '2' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await platform.stop();
  });

  it('drops connections over MAX_CONNECTIONS and serves again once one closes', async () => {
    const { hostname, port } = new URL(platform.url);
    const open = async () => {
      const socket = connect(Number(port), hostname);
      socket.on('error', () => {});
      sockets.push(socket);
      await once(socket, 'connect');
      return socket;
    };
    const first = await open();
    await open();
    // Prove the server accepted both before the third knocks: each answers a request.
    for (const socket of sockets) {
      socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await once(socket, 'data');
    }
    const third = await open();
    await once(third, 'close');
    first.destroy();
    await once(first, 'close');
    // The server notices the closed socket on its own schedule: retry until a request gets through.
    let answered = false;
    while (!answered)
      answered = await fetch(`${platform.url}/health`).then(
        (r) => r.ok,
        () => false,
      );
    expect(answered).toBe(true);
  });
});

describe('subscription limits', () => {
  let platform: TestPlatform;
  let admin: string;
  beforeAll(async () => {
    platform = await startTestPlatform({ MAX_SUBSCRIPTIONS_PER_USER: '1', MAX_SUBSCRIPTIONS: '2', SUBSCRIPTION_RECHECK_SECONDS: '1' });
    admin = await platform.adminToken();
  });
  afterAll(() => platform.stop());

  async function superAdmin(email: string): Promise<string> {
    const user = await createUser(platform, admin, email, 'SUPER_ADMIN');
    return login(platform, email, user.password);
  }

  it('caps open streams per user and in total with RATE_LIMITED, and frees a slot when one closes', async () => {
    const first = await subscribeModuleEvents(platform.graphqlUrl, admin);
    const again = await subscribeModuleEvents(platform.graphqlUrl, admin);
    await again.ended;
    expect(again.payloads.map((payload) => errorCode(payload))).toEqual(['RATE_LIMITED']);
    expect(again.payloads[0]?.errors?.[0]?.extensions).toMatchObject({ limit: 'subscriptions_per_user', max: 1 });

    const other = await subscribeModuleEvents(platform.graphqlUrl, await superAdmin('second@example.test'));
    const third = await subscribeModuleEvents(platform.graphqlUrl, await superAdmin('third@example.test'));
    await third.ended;
    expect(third.payloads[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'subscriptions', max: 2 });

    first.close();
    other.close();
    await Promise.all([first.ended, other.ended]);
    // The server frees a slot when it notices the client left; retry until a stream is accepted.
    expect(await acceptedWithin(20, admin)).toBe(true);
  });

  let farmEnabled = true;
  /** Disables or enables Farm Manager, so every open stream gets an event. */
  async function toggleFarm(): Promise<void> {
    const mutation = farmEnabled ? 'disableModule' : 'enableModule';
    farmEnabled = !farmEnabled;
    const result = await platform.gql(`mutation { ${mutation}(name: "farm_manager") { state } }`, {}, admin);
    expect(result.errors).toBeUndefined();
  }

  async function acceptedWithin(attempts: number, token: string): Promise<boolean> {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const stream = await subscribeModuleEvents(platform.graphqlUrl, token);
      const outcome = Promise.race([stream.ended.then(() => 'refused'), stream.finished('farm_manager').then(() => 'accepted')]);
      await toggleFarm();
      const accepted = (await outcome) === 'accepted';
      stream.close();
      await stream.ended;
      if (accepted) return true;
    }
    return false;
  }

  it('refuses a subscription asked for as plain JSON or HTML with 406, and keeps no stream open for it', async () => {
    const token = await superAdmin('json-accept@example.test');
    for (const accept of ['application/json', 'application/graphql-response+json', 'text/html']) {
      const response = await fetch(platform.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'subscription { moduleEvents { module } }' }),
      });
      expect(response.status, accept).toBe(406);
      expect(response.headers.get('accept')).toContain('text/event-stream');
      await response.body?.cancel();
    }
    // With one stream allowed per user, a leaked stream would refuse this one with RATE_LIMITED.
    expect(await acceptedWithin(1, token)).toBe(true);
  });

  it('ends a stream with UNAUTHENTICATED at the next event once its user is deleted', async () => {
    const token = await superAdmin('deleted@example.test');
    const stream = await subscribeModuleEvents(platform.graphqlUrl, token);
    await platform.store.collection('users').deleteOne({ email: 'deleted@example.test' });
    await toggleFarm();
    await stream.ended;
    expect(stream.payloads.map((payload) => errorCode(payload))).toEqual(['UNAUTHENTICATED']);
  });

  it('ends a stream with UNAUTHENTICATED once an admin disables its user (updateUser)', async () => {
    const user = await createUser(platform, admin, 'disabled@example.test', 'SUPER_ADMIN');
    const stream = await subscribeModuleEvents(platform.graphqlUrl, await login(platform, user.email, user.password));
    const disabled = await platform.gql(
      'mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { disabled } }',
      { id: user.id },
      admin,
    );
    expect(disabled.errors).toBeUndefined();
    await toggleFarm();
    await stream.ended;
    expect(stream.payloads.map((payload) => errorCode(payload))).toEqual(['UNAUTHENTICATED']);
  });

  it('ends a stream with FORBIDDEN, without any event, once its user loses the role', async () => {
    const token = await superAdmin('demoted@example.test');
    const stream = await subscribeModuleEvents(platform.graphqlUrl, token);
    await platform.store.collection('users').updateOne({ email: 'demoted@example.test' }, { $set: { role: 'ADMIN' } });
    // SUBSCRIPTION_RECHECK_SECONDS=1: the periodic re-check ends it even while no event comes.
    await stream.ended;
    expect(stream.payloads.map((payload) => errorCode(payload))).toEqual(['FORBIDDEN']);
  });
});
