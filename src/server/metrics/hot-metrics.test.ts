import fc from 'fast-check';
import { Counter, Histogram, Registry, type RegistryContentType } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { HotCounter, HotHistogram } from './hot-metrics.js';

const BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// What Prometheus scrapes must not change with the recorder: the same observations give the
// same exposition text as prom-client's own Histogram and Counter, in both formats.
describe('hot metrics', () => {
  const observations = fc.array(
    fc.record({
      operation: fc.constantFrom('query', 'mutation', 'subscription', 'invalid'),
      seconds: fc.oneof(fc.double({ min: 0, max: 20, noNaN: true }), fc.constantFrom(...BUCKETS)),
    }),
    { maxLength: 60 },
  );

  it('a HotHistogram exports what a prom-client Histogram exports for the same observations', async () => {
    await fc.assert(
      fc.asyncProperty(
        observations,
        fc.constantFrom(Registry.PROMETHEUS_CONTENT_TYPE, Registry.OPENMETRICS_CONTENT_TYPE),
        async (observed, format) => {
          const [theirs, ours] = [new Registry<RegistryContentType>(), new Registry<RegistryContentType>()];
          theirs.setContentType(format);
          ours.setContentType(format);
          const histogram = new Histogram({
            name: 'a64_x_seconds',
            help: 'X.',
            labelNames: ['operation'],
            buckets: BUCKETS,
            registers: [theirs],
          });
          const hot = new HotHistogram('a64_x_seconds', 'X.', 'operation', BUCKETS, ours);
          for (const { operation, seconds } of observed) {
            histogram.observe({ operation }, seconds);
            hot.seriesFor(operation).observe(seconds);
          }
          expect(await ours.metrics()).toBe(await theirs.metrics());
        },
      ),
    );
  });

  it('a HotCounter exports what a prom-client Counter exports for the same increments', async () => {
    await fc.assert(
      fc.asyncProperty(observations, async (observed) => {
        const theirs = new Registry();
        const ours = new Registry();
        const counter = new Counter({ name: 'a64_x_total', help: 'X.', labelNames: ['operation'], registers: [theirs] });
        const hot = new HotCounter('a64_x_total', 'X.', 'operation', ours);
        for (const { operation } of observed) {
          counter.inc({ operation });
          hot.seriesFor(operation).inc();
        }
        expect(await ours.metrics()).toBe(await theirs.metrics());
      }),
    );
  });

  it('forgets everything on reset, as registry.resetMetrics() asks, and recorders already handed out keep counting', async () => {
    const registry = new Registry();
    const hot = new HotHistogram('a64_y_seconds', 'Y.', 'operation', BUCKETS, registry);
    const counter = new HotCounter('a64_y_total', 'Y.', 'operation', registry);
    const series = hot.seriesFor('query');
    const counted = counter.seriesFor('query');
    series.observe(0.2);
    counted.inc();
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('operation="query"');
    series.observe(0.3);
    counted.inc();
    const text = await registry.metrics();
    expect(text).toContain('a64_y_seconds_count{operation="query"} 1');
    expect(text).toContain('a64_y_seconds_sum{operation="query"} 0.3');
    expect(text).toContain('a64_y_total{operation="query"} 1');
  });

  it('lists a label value only once something was recorded for it, as prom-client does', async () => {
    const registry = new Registry();
    const hot = new HotHistogram('a64_z_seconds', 'Z.', 'operation', BUCKETS, registry);
    hot.seriesFor('find');
    expect(await registry.metrics()).not.toContain('operation="find"');
  });
});
