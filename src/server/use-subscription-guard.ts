import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { AuthService } from '../auth/index.js';
import { platformError } from '../errors/index.js';
import type { RequestAuth } from './context.js';
import { type GuardedStream, guardStream } from './guard-stream.js';
import { requestToken } from './trusted-contexts.js';

export interface SubscriptionGuardOptions {
  auth: AuthService;
  /** Open streams in total (default 100). */
  maxSubscriptions: number;
  /** Open streams per user (anonymous callers count as one user; default 5). */
  maxSubscriptionsPerUser: number;
  /** Re-check the caller this often between events (default 30 s); also before every event. */
  recheckEveryMs: number;
  /** Counts refusals (metrics). */
  onRefused?(limit: 'subscriptions' | 'subscriptions_per_user'): void;
}

export interface SubscriptionGuard {
  plugin: Plugin;
  /** Open streams right now. */
  open(): number;
  /** Ends every open stream with a last event saying the server is stopping. */
  closeAll(): void;
}

const errorResult = (error: Error): ExecutionResult => ({ errors: [error as never] });

/**
 * Limits and re-checks subscriptions (SSE streams): a cap in total and per user, and a stream
 * whose caller is disabled, deleted, signed out by a password change or changes role ends with
 * a last event carrying the reason (the next event, or within `recheckEveryMs`). The check is
 * `auth.authenticate` on the stream's own token, so it follows every rule sign-in follows.
 */
export function createSubscriptionGuard(options: SubscriptionGuardOptions): SubscriptionGuard {
  const perUser = new Map<string, number>();
  const streams = new Set<GuardedStream>();
  let total = 0;
  const release = (key: string) => {
    total -= 1;
    const left = (perUser.get(key) ?? 1) - 1;
    if (left > 0) perUser.set(key, left);
    else perUser.delete(key);
  };

  async function recheck(context: RequestAuth, token: string | null): Promise<ExecutionResult | null> {
    if (!context.user) return null;
    try {
      const now = await options.auth.authenticate(token ?? '');
      if (now.role === context.user.role) return null;
      return errorResult(platformError('FORBIDDEN', `Your role changed to ${now.role}; subscribe again if you still may.`));
    } catch {
      return errorResult(
        platformError('UNAUTHENTICATED', 'Your session is no longer valid (signed out, disabled or deleted); sign in again.'),
      );
    }
  }

  const plugin: Plugin = {
    onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue as unknown as RequestAuth;
      const key = context.user?.id ?? 'anonymous';
      const mine = perUser.get(key) ?? 0;
      const limit =
        total >= options.maxSubscriptions ? 'subscriptions' : mine >= options.maxSubscriptionsPerUser ? 'subscriptions_per_user' : null;
      if (limit) {
        options.onRefused?.(limit);
        const max = limit === 'subscriptions' ? options.maxSubscriptions : options.maxSubscriptionsPerUser;
        const who = limit === 'subscriptions' ? 'on this server' : 'for you';
        setResultAndStopExecution(
          errorResult(
            platformError('RATE_LIMITED', `Too many open subscriptions ${who} (at most ${max}); close one first.`, {
              details: { limit, max },
            }),
          ),
        );
        return;
      }
      total += 1;
      perUser.set(key, mine + 1);
      let held = true;
      const drop = () => {
        if (held) release(key);
        held = false;
      };
      return {
        onSubscribeResult({ result, setResult }) {
          if (!(Symbol.asyncIterator in result)) return drop();
          const token = requestToken(args.contextValue);
          const stream = guardStream(result, {
            recheck: () => recheck(context, token),
            recheckEveryMs: options.recheckEveryMs,
            onFinish: () => {
              streams.delete(stream);
              drop();
            },
          });
          streams.add(stream);
          setResult(stream);
        },
        onSubscribeError: drop,
      };
    },
    onResultProcess({ result, resultProcessor }) {
      // Yoga's result processors run first. When none takes a stream — a subscription asked for
      // with a JSON or HTML Accept — yoga answers 406 and never reads it: end it here, or it
      // would stay open, holding its listener and a place under the caller's cap.
      if (resultProcessor || !isAsyncIterable<unknown>(result)) return;
      void result[Symbol.asyncIterator]().return?.();
    },
  };
  return {
    plugin,
    open: () => streams.size,
    closeAll() {
      for (const stream of [...streams]) stream.close(errorResult(platformError('SHUTTING_DOWN')));
    },
  };
}
