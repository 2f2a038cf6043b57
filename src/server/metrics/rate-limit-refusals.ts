import { Counter } from 'prom-client';

/**
 * `a64_rate_limited_total{limit}`: requests refused by any limit (sign-in throttling, query
 * limits, subscription caps, …). One counter for the process, registered in every platform's
 * registry; code that refuses calls `recordRateLimited('<limit name>')`.
 */
export const rateLimitRefusals = new Counter({
  name: 'a64_rate_limited_total',
  help: 'Requests refused by a limit, by limit name (login, query_depth, subscriptions, …).',
  labelNames: ['limit'] as const,
  registers: [],
});

/** Counts one refusal by `limit` (a short snake_case name, e.g. `login_account`). */
export function recordRateLimited(limit: string): void {
  rateLimitRefusals.inc({ limit });
}
