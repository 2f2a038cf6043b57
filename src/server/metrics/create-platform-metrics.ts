import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { HotCounter, HotHistogram } from './hot-metrics.js';
import { rateLimitRefusals } from './rate-limit-refusals.js';

/** Every metric the platform exports at /metrics (docs/operators/metrics.md lists them). */
export interface PlatformMetrics {
  registry: Registry;
  requests: HotCounter<'operation'>;
  requestDuration: HotHistogram<'operation'>;
  errors: Counter<'operation' | 'code'>;
  moduleOperations: Counter<'kind' | 'outcome'>;
  moduleResolverDuration: HotHistogram<'module'>;
  moduleResolverErrors: Counter<'module'>;
  storeDuration: HotHistogram<'operation'>;
}

const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What is read at scrape time rather than counted as it happens. */
export interface ScrapedSources {
  schemaVersion(): number;
  openSubscriptions(): number;
}

/** Gauges read from `sources` when Prometheus scrapes; schema swaps counted from version steps. */
export function addScrapedMetrics(registry: Registry, sources: ScrapedSources): void {
  const registers = [registry];
  let lastVersion = sources.schemaVersion();
  new Gauge({
    name: 'a64_schema_version',
    help: 'schemaVersion of the live schema.',
    registers,
    collect() {
      this.set(sources.schemaVersion());
    },
  });
  new Counter({
    name: 'a64_schema_swaps_total',
    help: 'Schema swaps since the process started (enable, disable, install, upgrade, uninstall).',
    registers,
    collect() {
      const now = sources.schemaVersion();
      if (now > lastVersion) this.inc(now - lastVersion);
      lastVersion = now;
    },
  });
  new Gauge({
    name: 'a64_subscriptions_open',
    help: 'Open subscription streams (SSE).',
    registers,
    collect() {
      this.set(sources.openSubscriptions());
    },
  });
}

/**
 * A registry of its own per platform (tests run several in one process), with Node's default
 * process metrics and the shared rate-limit counter.
 */
export function createPlatformMetrics(): PlatformMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: 'a64_' });
  registry.registerMetric(rateLimitRefusals);
  return {
    registry,
    // Counted on every request or store call: recorders that cost a few additions.
    requests: new HotCounter('a64_graphql_requests_total', 'GraphQL operations, by type.', 'operation', registry),
    requestDuration: new HotHistogram(
      'a64_graphql_request_duration_seconds',
      'GraphQL execution time, by operation type.',
      'operation',
      LATENCY_BUCKETS,
      registry,
    ),
    errors: new Counter({
      name: 'a64_graphql_errors_total',
      help: 'GraphQL errors, by operation type and extensions.code.',
      labelNames: ['operation', 'code'],
      registers,
    }),
    moduleOperations: new Counter({
      name: 'a64_module_operations_total',
      help: 'Module operations finished, by kind (INSTALL, UPGRADE, …) and outcome (SUCCEEDED, FAILED).',
      labelNames: ['kind', 'outcome'],
      registers,
    }),
    moduleResolverDuration: new HotHistogram(
      'a64_module_resolver_duration_seconds',
      'Time in the root-field resolvers of each module.',
      'module',
      LATENCY_BUCKETS,
      registry,
    ),
    moduleResolverErrors: new Counter({
      name: 'a64_module_resolver_errors_total',
      help: 'Errors thrown by the root-field resolvers of each module.',
      labelNames: ['module'],
      registers,
    }),
    storeDuration: new HotHistogram(
      'a64_store_operation_duration_seconds',
      'Store calls, by operation (find, insertOne, …).',
      'operation',
      LATENCY_BUCKETS,
      registry,
    ),
  };
}
