import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterMongo, type RateLimiterRes } from 'rate-limiter-flexible';
import { platformError } from '../errors/index.js';

export interface LoginThrottleSettings {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowSeconds: number;
  blockSeconds: number;
}

/** Where the counters live: this process's memory, or a MongoDB shared by every instance. */
export type ThrottleStore = { kind: 'memory' } | { kind: 'mongo'; client: unknown; dbName: string };

/**
 * Sign-in throttling per account (normalized email) and per client address. Failures are counted
 * within a window; from the limit on, every further failure blocks the key for twice as long as
 * the previous one (exponential back-off, capped at the window). A blocked key is answered
 * RATE_LIMITED with `extensions.retryAfterSeconds`, before any password is checked.
 */
export interface LoginThrottle {
  assertAllowed(account: string, address: string): Promise<void>;
  recordFailure(account: string, address: string): Promise<void>;
  /** A successful sign-in forgets the account's failures (the address keeps its count). */
  recordSuccess(account: string): Promise<void>;
}

interface KeyLimiter {
  failures: RateLimiterAbstract;
  blocks: RateLimiterAbstract;
  max: number;
}

function limiter(store: ThrottleStore, keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
  if (store.kind === 'memory') return new RateLimiterMemory({ keyPrefix, points, duration });
  return new RateLimiterMongo({
    storeClient: store.client,
    dbName: store.dbName,
    tableName: 'login_throttle',
    keyPrefix,
    points,
    duration,
  });
}

function isBlocked(res: RateLimiterRes | null): res is RateLimiterRes {
  return res !== null && res.consumedPoints > 1 && res.msBeforeNext > 0;
}

/**
 * @param onRefused called with `login_account` or `login_address` for each refusal (metrics).
 */
export function createLoginThrottle(
  settings: LoginThrottleSettings,
  store: ThrottleStore = { kind: 'memory' },
  onRefused: (limit: 'login_account' | 'login_address') => void = () => {},
): LoginThrottle {
  const make = (name: string, max: number): KeyLimiter => ({
    // `points` is never reached: this limiter only counts; blocking is the second one's job.
    failures: limiter(store, `login_fail_${name}`, Number.MAX_SAFE_INTEGER, settings.windowSeconds),
    blocks: limiter(store, `login_block_${name}`, 1, 1),
    max,
  });
  const account = make('account', settings.maxFailuresPerAccount);
  const address = make('address', settings.maxFailuresPerAddress);

  async function fail(keyed: KeyLimiter, key: string): Promise<void> {
    const res = await keyed.failures.consume(key);
    const over = res.consumedPoints - keyed.max;
    if (over < 0) return;
    const seconds = Math.min(settings.blockSeconds * 2 ** Math.min(over, 30), Math.max(settings.windowSeconds, settings.blockSeconds));
    await keyed.blocks.block(key, seconds);
  }

  return {
    async assertAllowed(accountKey, addressKey) {
      const [byAccount, byAddress] = await Promise.all([account.blocks.get(accountKey), address.blocks.get(addressKey)]);
      const blocked = [byAccount, byAddress].filter(isBlocked);
      if (blocked.length === 0) return;
      onRefused(isBlocked(byAccount) ? 'login_account' : 'login_address');
      const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...blocked.map((res) => res.msBeforeNext)) / 1000));
      throw platformError('RATE_LIMITED', `Too many failed sign-ins: try again in ${retryAfterSeconds} s.`, {
        details: { retryAfterSeconds },
      });
    },
    async recordFailure(accountKey, addressKey) {
      await Promise.all([fail(account, accountKey), fail(address, addressKey)]);
    },
    async recordSuccess(accountKey) {
      await Promise.all([account.failures.delete(accountKey), account.blocks.delete(accountKey)]);
    },
  };
}
