import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLoginThrottle } from './login-throttle.js';

const settings = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 100, windowSeconds: 3600, blockSeconds: 10 };

async function retryAfter(promise: Promise<void>): Promise<number | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    expect(error).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    return (error as { extensions: { retryAfterSeconds: number } }).extensions.retryAfterSeconds;
  }
}

describe('login throttle (memory store, fake clock)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('blocks from the limit on, doubling the wait on every further failure', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const throttle = createLoginThrottle(settings);
    for (let i = 0; i < 2; i++) await throttle.recordFailure('ann', '10.0.0.1');
    expect(await retryAfter(throttle.assertAllowed('ann', '10.0.0.1'))).toBeNull();
    await throttle.recordFailure('ann', '10.0.0.1');
    expect(await retryAfter(throttle.assertAllowed('ann', '10.0.0.1'))).toBe(10);
    // Another account from the same address is not blocked by ann's failures.
    expect(await retryAfter(throttle.assertAllowed('bob', '10.0.0.1'))).toBeNull();
    vi.advanceTimersByTime(10_001);
    expect(await retryAfter(throttle.assertAllowed('ann', '10.0.0.1'))).toBeNull();
    await throttle.recordFailure('ann', '10.0.0.1');
    expect(await retryAfter(throttle.assertAllowed('ann', '10.0.0.1'))).toBe(20);
    vi.advanceTimersByTime(20_001);
    await throttle.recordFailure('ann', '10.0.0.1');
    expect(await retryAfter(throttle.assertAllowed('ann', '10.0.0.1'))).toBe(40);
  });

  it('a success forgets the account’s failures and its block', async () => {
    const throttle = createLoginThrottle(settings);
    for (let i = 0; i < 3; i++) await throttle.recordFailure('ann', '10.0.0.1');
    await throttle.recordSuccess('ann');
    expect(await retryAfter(throttle.assertAllowed('ann', '10.0.0.1'))).toBeNull();
    for (let i = 0; i < 2; i++) await throttle.recordFailure('ann', '10.0.0.1');
    expect(await retryAfter(throttle.assertAllowed('ann', '10.0.0.1'))).toBeNull();
  });

  it('counts failures per address across accounts', async () => {
    const throttle = createLoginThrottle({ ...settings, maxFailuresPerAccount: 100, maxFailuresPerAddress: 4 });
    for (const account of ['a', 'b', 'c', 'd']) await throttle.recordFailure(account, '10.0.0.9');
    expect(await retryAfter(throttle.assertAllowed('fresh', '10.0.0.9'))).toBe(10);
    expect(await retryAfter(throttle.assertAllowed('fresh', '10.0.0.10'))).toBeNull();
  });
});
