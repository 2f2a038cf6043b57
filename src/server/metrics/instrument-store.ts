import type { Collection, DocumentStore, StoredDocument } from '../../store/types.js';
import type { HistogramSeries, HotHistogram } from './hot-metrics.js';

type CollectionMethod = Exclude<keyof Collection, 'name'>;
type StoreMethod = 'listCollections' | 'dropCollection' | 'close';
type AnyMethod = (...args: unknown[]) => Promise<unknown>;

const COLLECTION_METHODS: readonly CollectionMethod[] = [
  'findOne',
  'find',
  'countDocuments',
  'insertOne',
  'insertMany',
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'deleteOne',
  'deleteMany',
  'createIndex',
];
const STORE_METHODS: readonly StoreMethod[] = ['listCollections', 'dropCollection', 'close'];

/** Calls `target[method]`, observing how long its promise takes; its value or error passes through. */
function timedCall(series: HistogramSeries, target: object, method: string, args: unknown[]): Promise<unknown> {
  const started = performance.now();
  const observe = () => series.observe((performance.now() - started) / 1000);
  return ((target as Record<string, AnyMethod>)[method]!.apply(target, args) as Promise<unknown>).then(
    (value) => {
      observe();
      return value;
    },
    (error: unknown) => {
      observe();
      throw error;
    },
  );
}

/**
 * A collection whose every call is timed by method name. A class whose methods are made once
 * (below) rather than a Proxy: the platform makes one per `store.collection()` call, several per
 * request, and a Proxy made a fresh closure per method read.
 */
class TimedCollection<T extends StoredDocument> {
  constructor(
    readonly inner: Collection<T>,
    readonly series: Readonly<Record<CollectionMethod, HistogramSeries>>,
  ) {}

  get name(): string {
    return this.inner.name;
  }
}
for (const method of COLLECTION_METHODS) {
  Object.defineProperty(TimedCollection.prototype, method, {
    value(this: TimedCollection<StoredDocument>, ...args: unknown[]) {
      return timedCall(this.series[method], this.inner, method, args);
    },
  });
}

/**
 * The same store, with every collection call (find, insertOne, …) and store call timed into
 * `histogram` by method name. Behaviour is unchanged: results and errors pass through, and
 * anything else the store has is the store's own.
 */
export function instrumentStore(store: DocumentStore, histogram: HotHistogram<'operation'>): DocumentStore {
  const series = Object.fromEntries(COLLECTION_METHODS.map((method) => [method, histogram.seriesFor(method)])) as Record<
    CollectionMethod,
    HistogramSeries
  >;
  const timed: Record<string | symbol, unknown> = {
    // The methods of Collection are on its prototype (made in the loop above).
    collection: <T extends StoredDocument>(name: string) =>
      new TimedCollection(store.collection<T>(name), series) as unknown as Collection<T>,
  };
  for (const method of STORE_METHODS) {
    const storeSeries = histogram.seriesFor(method);
    timed[method] = (...args: unknown[]) => timedCall(storeSeries, store, method, args);
  }
  return new Proxy(store, {
    get(target, property, receiver) {
      if (Object.hasOwn(timed, property)) return timed[property];
      // Bound to the store itself: its methods read private fields a Proxy does not have.
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
