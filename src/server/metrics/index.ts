export { createMetricsRequestHandler } from './create-metrics-request-handler.js';
export { addScrapedMetrics, createPlatformMetrics, type PlatformMetrics, type ScrapedSources } from './create-platform-metrics.js';
export { instrumentStore } from './instrument-store.js';
export { rateLimitRefusals, recordRateLimited } from './rate-limit-refusals.js';
export { useGraphqlMetrics } from './use-graphql-metrics.js';
