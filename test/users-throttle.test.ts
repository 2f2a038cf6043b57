import { afterEach, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';
import { createUser } from './support/users.js';

const LOGIN = 'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }';

/** Limits are set low by env and blocks long, so no test waits for a window: no sleeps. */
describe('sign-in throttling through GraphQL', () => {
  let platform: TestPlatform | undefined;
  afterEach(async () => {
    await platform?.stop();
    platform = undefined;
  });

  it('per account: after LOGIN_MAX_FAILURES wrong passwords even the right one is RATE_LIMITED with retryAfterSeconds', async () => {
    platform = await startTestPlatform({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
      LOGIN_BLOCK_SECONDS: '600',
      METRICS: 'on',
    });
    const ann = await createUser(platform, await platform.adminToken(), 'ann@example.test');
    for (let i = 0; i < 3; i++)
      expect(errorCode(await platform.gql(LOGIN, { e: ann.email, p: `wrong Passw0rd ${i}` }))).toBe('UNAUTHENTICATED');
    const limited = await platform.gql(LOGIN, { e: ann.email, p: ann.password });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    const retry = limited.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(600);
    expect(limited.errors?.[0]?.message).toContain(`${retry} s`);
    // The same for an email with different case/space, and for an unknown email once it failed as often.
    expect(errorCode(await platform.gql(LOGIN, { e: ' ANN@example.test', p: ann.password }))).toBe('RATE_LIMITED');
    for (let i = 0; i < 3; i++) await platform.gql(LOGIN, { e: 'nobody@example.test', p: 'wrong Passw0rd' });
    expect(errorCode(await platform.gql(LOGIN, { e: 'nobody@example.test', p: 'wrong Passw0rd' }))).toBe('RATE_LIMITED');
    // Other accounts still sign in.
    expect(errorCode(await platform.gql(LOGIN, { e: 'root@example.test', p: 'correct horse battery' }))).toBeUndefined();
    // Refusals are counted for operators.
    const metrics = await (await fetch(`${platform.url}/metrics`)).text();
    expect(metrics).toMatch(/a64_rate_limited_total\{limit="login_account"\} [1-9]/);
  });

  it('a successful sign-in resets the account’s count', async () => {
    platform = await startTestPlatform({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000', LOGIN_BLOCK_SECONDS: '600' });
    const bob = await createUser(platform, await platform.adminToken(), 'bob@example.test');
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++)
        expect(errorCode(await platform.gql(LOGIN, { e: bob.email, p: 'wrong Passw0rd' }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await platform.gql(LOGIN, { e: bob.email, p: bob.password }))).toBeUndefined();
    }
  });

  it('per client address: failures over many accounts block that address for every account', async () => {
    platform = await startTestPlatform({ LOGIN_MAX_FAILURES: '100', LOGIN_MAX_FAILURES_PER_ADDRESS: '5', LOGIN_BLOCK_SECONDS: '600' });
    for (let i = 0; i < 5; i++) {
      expect(errorCode(await platform.gql(LOGIN, { e: `user${i}@example.test`, p: 'wrong Passw0rd' }))).toBe('UNAUTHENTICATED');
    }
    expect(errorCode(await platform.gql(LOGIN, { e: 'root@example.test', p: 'correct horse battery' }))).toBe('RATE_LIMITED');
  });
});

const mongoUrl = process.env.MONGODB_URL;
describe.skipIf(!mongoUrl)(
  mongoUrl
    ? 'sign-in throttling shared through MongoDB'
    : 'sign-in throttling shared through MongoDB — SKIPPED because MONGODB_URL is not set',
  () => {
    it('failures on one instance block the account on another that shares the database', async () => {
      const db = `a64_throttle_${Date.now()}`;
      const env = {
        MONGODB_URL: mongoUrl!,
        MONGODB_DB: db,
        LOGIN_MAX_FAILURES: '2',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
        LOGIN_BLOCK_SECONDS: '600',
      };
      const first = await startTestPlatform(env);
      try {
        const second = await startTestPlatform(env);
        try {
          for (let i = 0; i < 2; i++) await first.gql(LOGIN, { e: 'shared@example.test', p: 'wrong Passw0rd' });
          expect(errorCode(await second.gql(LOGIN, { e: 'shared@example.test', p: 'wrong Passw0rd' }))).toBe('RATE_LIMITED');
        } finally {
          await second.stop();
        }
      } finally {
        await first.stop();
      }
    });
  },
);
