// Cheap recorders for the metrics counted on every request; prom-client's registry still exports
// them, in its own format.

/** The part of a prom-client `Registry` (either content type) a metric is registered with. */
type Registry = { registerMetric(metric: never): void };

/** What prom-client's registry reads from a metric (`registry.metrics()`, `getMetricsAsJSON`). */
interface ExportedValue {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
}

/**
 * A histogram's running figures for one label value: non-cumulative bucket counts, summed up at
 * scrape time. Callers keep it for a label value they know.
 */
export class HistogramSeries {
  count = 0;
  sum = 0;
  readonly buckets: Float64Array;

  constructor(private readonly upperBounds: readonly number[]) {
    this.buckets = new Float64Array(upperBounds.length);
  }

  observe(seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    this.count++;
    this.sum += seconds;
    const bounds = this.upperBounds;
    for (let i = 0; i < bounds.length; i++) {
      if (seconds <= bounds[i]!) {
        this.buckets[i]!++;
        return;
      }
    }
  }

  reset(): void {
    this.count = 0;
    this.sum = 0;
    this.buckets.fill(0);
  }
}

/**
 * What both recorders share: registration with prom-client's registry and one series per label
 * value, made on first use and the same one each time after.
 */
abstract class SingleLabelMetric<L extends string, S> {
  readonly aggregator = 'sum';
  protected readonly series = new Map<string, S>();

  constructor(
    readonly name: string,
    readonly help: string,
    protected readonly labelName: L,
    registry: Registry,
  ) {
    registry.registerMetric(this as never);
  }

  protected abstract newSeries(): S;

  /** The series of one label value; the same one each time. */
  seriesFor(labelValue: string): S {
    let series = this.series.get(labelValue);
    if (!series) {
      series = this.newSeries();
      this.series.set(labelValue, series);
    }
    return series;
  }
}

/**
 * A histogram with one label, exported by prom-client's registry exactly as a prom-client
 * `Histogram` is (`_bucket{le}`, `_sum`, `_count`), but cheap to record into: one `Map` lookup, a
 * bucket search and three additions. prom-client's `observe` validates and hashes the labels and
 * copies them on every call (`startTimer` once more); on the request path, with the store's calls,
 * that was 10–20 µs of a ~90 µs request (docs/performance.md).
 */
export class HotHistogram<L extends string> extends SingleLabelMetric<L, HistogramSeries> {
  readonly type = 'histogram';

  constructor(
    name: string,
    help: string,
    labelName: L,
    private readonly upperBounds: readonly number[],
    registry: Registry,
  ) {
    super(name, help, labelName, registry);
  }

  protected newSeries(): HistogramSeries {
    return new HistogramSeries(this.upperBounds);
  }

  observe(labels: Record<L, string>, seconds: number): void {
    this.seriesFor(labels[this.labelName]).observe(seconds);
  }

  async get() {
    const values: ExportedValue[] = [];
    for (const [labelValue, series] of this.series) {
      // As prom-client: a label value appears once something was observed for it.
      if (series.count === 0) continue;
      const labels = { [this.labelName]: labelValue };
      let cumulative = 0;
      this.upperBounds.forEach((bound, i) => {
        cumulative += series.buckets[i]!;
        values.push({ labels: { le: bound, ...labels }, value: cumulative, metricName: `${this.name}_bucket` });
      });
      values.push(
        { labels: { le: '+Inf', ...labels }, value: series.count, metricName: `${this.name}_bucket` },
        { labels, value: series.sum, metricName: `${this.name}_sum` },
        { labels, value: series.count, metricName: `${this.name}_count` },
      );
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  /** Zeroes every series in place: series handed out keep counting into them. */
  reset(): void {
    for (const series of this.series.values()) series.reset();
  }
}

/** A counter's value for one label value. */
export class CounterSeries {
  value = 0;

  inc(by = 1): void {
    this.value += by;
  }
}

/** A counter with one label, exported as prom-client's `Counter` is; `inc` is one addition. */
export class HotCounter<L extends string> extends SingleLabelMetric<L, CounterSeries> {
  readonly type = 'counter';

  protected newSeries(): CounterSeries {
    return new CounterSeries();
  }

  inc(labels: Record<L, string>, by = 1): void {
    this.seriesFor(labels[this.labelName]).inc(by);
  }

  async get() {
    const values = [...this.series]
      .filter(([, { value }]) => value !== 0)
      .map(([labelValue, { value }]) => ({ labels: { [this.labelName]: labelValue }, value }));
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  reset(): void {
    for (const series of this.series.values()) series.value = 0;
  }
}
