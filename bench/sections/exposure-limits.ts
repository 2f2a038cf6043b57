import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse, specifiedRules, type ValidationRule, validate } from 'graphql';
import { loadConfig } from '../../src/config/index.js';
import type { StartedPlatform } from '../../src/platform/create-platform.js';
import { readCoreTypeDefs } from '../../src/server/core-type-defs.js';
import { limitValidationRules } from '../../src/server/use-operation-limits.js';
import { compareLoad, spreadNote } from '../load.js';
import type { BenchRow, BenchSection } from '../report.js';
import { startBenchPlatform } from '../support/start-bench-platform.js';

// The 64 KB default body limit would refuse the floods at the HTTP edge; raised so the GraphQL
// layer is what is measured.
const LARGE_BODIES = { MAX_BODY_BYTES: String(1024 * 1024) };
const LIMITS_OFF = {
  MAX_QUERY_DEPTH: '0',
  MAX_QUERY_ALIASES: '0',
  MAX_QUERY_TOKENS: '0',
  MAX_QUERY_DIRECTIVES: '0',
  MAX_QUERY_COST: '0',
  MAX_MUTATION_ALIASES: '0',
};
const QUERY = JSON.stringify({ query: 'query Info { platform { ...P } } fragment P on PlatformInfo { version schemaVersion startedAt }' });

const aliasFlood = (salt: number) => `{ ${Array.from({ length: 20_000 }, (_, i) => `a${i}_${salt}: platform { version }`).join(' ')} }`;
const FRAGMENT_BOMB = `{ platform { ...F0 } } ${Array.from({ length: 24 }, (_, i) => `fragment F${i} on PlatformInfo { ...F${i + 1} ...F${i + 1} version }`).join(' ')} fragment F24 on PlatformInfo { version }`;
const NESTED = `{ platform { ${'... on PlatformInfo { '.repeat(3000)} version ${'} '.repeat(3000)} } }`;

const start = (env: Record<string, string>) => startBenchPlatform(env);

async function timed(started: StartedPlatform, query: string): Promise<{ ms: number; outcome: string }> {
  const begin = performance.now();
  const response = await fetch(started.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  return { ms: performance.now() - begin, outcome: body.errors?.[0]?.extensions?.code ?? `answered ${response.status}` };
}

/** RSS and heap in MB after a full GC (the load generator shares this process; its strings are gone by then). */
const memoryMb = () => {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / 2 ** 20, heap: heapUsed / 2 ** 20 };
};

/** Each hostile document once (after one warm-up), and the RSS growth over 20 distinct alias floods. */
async function hostileRows(started: StartedPlatform, label: string, targets: boolean): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [name, query] of [
    ['fragment bomb (24 levels, 2^24 fields)', FRAGMENT_BOMB],
    ['20,000-alias flood (589 KB)', aliasFlood(0)],
    ['3,000 nested inline fragments', NESTED],
  ] as const) {
    await timed(started, query);
    const { ms, outcome } = await timed(started, query);
    rows.push({ name: `${label}: ${name}`, value: ms, unit: 'ms', target: targets ? '< 100 ms' : undefined, note: outcome });
  }
  const before = memoryMb();
  for (let salt = 1; salt <= 20; salt++) await timed(started, aliasFlood(salt));
  const after = memoryMb();
  rows.push({
    name: `${label}: RSS growth, 20 distinct alias floods`,
    value: after.rss - before.rss,
    unit: 'MB',
    target: targets ? '< 50 MB' : undefined,
  });
  rows.push({
    name: `${label}: heap kept after them (after GC)`,
    value: after.heap - before.heap,
    unit: 'MB',
    target: targets ? '< 50 MB' : undefined,
  });
  return rows;
}

const ADMIN_QUERY = `query AdminModules { modules { name displayName description version latestVersion availableVersions source state enabled installed
  licenseRequired licenseType license { state licensee expiresAt } dependencies { name range satisfied } loadError } me { email role } }`;

/**
 * What the limits cost a document yoga has not cached yet: graphql-js validation with and
 * without the armor rules, in-process (no HTTP noise). Cached documents skip both.
 */
function validationRows(): BenchRow[] {
  const schema = makeExecutableSchema({ typeDefs: readCoreTypeDefs() });
  const withLimits = [...specifiedRules, ...limitValidationRules(loadConfig({}).graphql.limits)];
  const perDocument = (rules: readonly ValidationRule[]) => {
    const rounds = 3000;
    const begin = performance.now();
    for (let i = 0; i < rounds; i++) validate(schema, parse(ADMIN_QUERY), rules);
    return ((performance.now() - begin) * 1000) / rounds;
  };
  perDocument(specifiedRules);
  perDocument(withLimits);
  const off = perDocument(specifiedRules);
  const on = perDocument(withLimits);
  return [
    { name: 'parse + validate the admin page’s modules query, limits off', value: off, unit: 'µs' },
    {
      name: 'parse + validate the admin page’s modules query, limits on',
      value: on,
      unit: 'µs',
      note: `${(((on - off) / off) * 100).toFixed(1)} % more, only for documents not yet cached`,
    },
  ];
}

export const exposureLimits: BenchSection = {
  title: 'GraphQL limits: throughput with the limits on vs off (32 clients, median of 5 alternating 2 s rounds) and hostile requests',
  async run() {
    const on = await start(LARGE_BODIES);
    const off = await start({ ...LARGE_BODIES, ...LIMITS_OFF });
    try {
      const result = await compareLoad({ url: off.started.graphqlUrl, body: QUERY }, { url: on.started.graphqlUrl, body: QUERY });
      if (result.failures) throw new Error(`${result.failures} failed requests, first: ${result.firstFailure}`);
      return [
        { name: 'limits off (every MAX_* = 0)', value: result.baseline, unit: 'req/s' },
        { name: 'limits on (defaults)', value: result.candidate, unit: 'req/s' },
        { name: 'on / off', value: result.ratio, unit: '×', target: '≥ 0.95', note: spreadNote(result.spread) },
        ...validationRows(),
        ...(await hostileRows(on.started, 'limits on', true)),
        ...(await hostileRows(off.started, 'limits off (JIT budget only)', false)),
      ];
    } finally {
      await on.stop();
      await off.stop();
    }
  },
};
