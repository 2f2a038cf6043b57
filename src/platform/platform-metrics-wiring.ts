import type { Config } from '../config/index.js';
import { observeModuleResolvers } from '../plugins/composer/index.js';
import type { ModuleEventBus } from '../plugins/operations/module-event-bus.js';
import type { RouteHandler } from '../server/create-http-server.js';
import { addScrapedMetrics, createMetricsRequestHandler, type PlatformMetrics, type ScrapedSources } from '../server/metrics/index.js';
import { readSecretFile } from './read-secret-file.js';

/**
 * Connects the metrics to what they count: module resolver calls, finished module operations,
 * values read at scrape time. Returns the `/metrics` route and a disposer.
 */
export async function wireMetrics(
  config: Config,
  metrics: PlatformMetrics,
  events: ModuleEventBus,
  sources: ScrapedSources,
): Promise<{ route: { prefix: string; handler: RouteHandler }; dispose(): Promise<void> }> {
  const token = typeof config.metrics === 'object' ? await readSecretFile(config.metrics.tokenFile, 'METRICS') : null;
  addScrapedMetrics(metrics.registry, sources);
  const stopObserving = observeModuleResolvers((module, seconds, failed) => {
    metrics.moduleResolverDuration.observe({ module }, seconds);
    if (failed) metrics.moduleResolverErrors.inc({ module });
  });
  const stream = events.subscribe()[Symbol.asyncIterator]();
  void (async () => {
    for (let next = await stream.next(); !next.done; next = await stream.next()) {
      const event = next.value;
      if (event.status !== 'RUNNING') metrics.moduleOperations.inc({ kind: event.kind, outcome: event.status });
    }
  })();
  return {
    route: { prefix: '/metrics', handler: createMetricsRequestHandler(metrics.registry, token) },
    async dispose() {
      stopObserving();
      await stream.return?.();
    },
  };
}
