import type { Collection, DocumentStore, StoredDocument } from '../../store/types.js';
import type { HistogramSeries, HotHistogram } from './hot-metrics.js';

type Method = Exclude<keyof Collection, 'name'>;

/** Observes how long `result` took since `started` (performance.now()), passing its value or error through. */
function timed<R>(series: HistogramSeries, started: number, result: Promise<R>): Promise<R> {
  return result.then(
    (value) => {
      series.observe((performance.now() - started) / 1000);
      return value;
    },
    (error: unknown) => {
      series.observe((performance.now() - started) / 1000);
      throw error;
    },
  );
}

type Args<M extends Method> = Parameters<Collection[M]>;

/**
 * A collection whose every call is timed by method name. A class rather than a Proxy: the
 * platform makes one per `store.collection()` call, several per request, and a Proxy made a
 * fresh closure per method read.
 */
class TimedCollection<T extends StoredDocument> implements Collection<T> {
  constructor(
    private readonly inner: Collection<T>,
    private readonly series: Readonly<Record<Method, HistogramSeries>>,
  ) {}

  get name(): string {
    return this.inner.name;
  }
  findOne(filter?: Args<'findOne'>[0], options?: Args<'findOne'>[1]) {
    return timed(this.series.findOne, performance.now(), this.inner.findOne(filter, options));
  }
  find(filter?: Args<'find'>[0], options?: Args<'find'>[1]) {
    return timed(this.series.find, performance.now(), this.inner.find(filter, options));
  }
  countDocuments(filter?: Args<'countDocuments'>[0]) {
    return timed(this.series.countDocuments, performance.now(), this.inner.countDocuments(filter));
  }
  insertOne(document: Parameters<Collection<T>['insertOne']>[0]) {
    return timed(this.series.insertOne, performance.now(), this.inner.insertOne(document));
  }
  insertMany(documents: Parameters<Collection<T>['insertMany']>[0]) {
    return timed(this.series.insertMany, performance.now(), this.inner.insertMany(documents));
  }
  updateOne(filter: Args<'updateOne'>[0], update: Args<'updateOne'>[1], options?: Args<'updateOne'>[2]) {
    return timed(this.series.updateOne, performance.now(), this.inner.updateOne(filter, update, options));
  }
  updateMany(filter: Args<'updateMany'>[0], update: Args<'updateMany'>[1]) {
    return timed(this.series.updateMany, performance.now(), this.inner.updateMany(filter, update));
  }
  findOneAndUpdate(filter: Args<'findOneAndUpdate'>[0], update: Args<'findOneAndUpdate'>[1], options?: Args<'findOneAndUpdate'>[2]) {
    return timed(this.series.findOneAndUpdate, performance.now(), this.inner.findOneAndUpdate(filter, update, options));
  }
  deleteOne(filter: Args<'deleteOne'>[0]) {
    return timed(this.series.deleteOne, performance.now(), this.inner.deleteOne(filter));
  }
  deleteMany(filter: Args<'deleteMany'>[0]) {
    return timed(this.series.deleteMany, performance.now(), this.inner.deleteMany(filter));
  }
  createIndex(spec: Args<'createIndex'>[0]) {
    return timed(this.series.createIndex, performance.now(), this.inner.createIndex(spec));
  }
}

const METHODS: readonly Method[] = [
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

/**
 * The same store, with every collection call (find, insertOne, …) and store call timed into
 * `histogram` by method name. Behaviour is unchanged: results and errors pass through, and
 * anything else the store has is the store's own.
 */
export function instrumentStore(store: DocumentStore, histogram: HotHistogram<'operation'>): DocumentStore {
  const series = Object.fromEntries(METHODS.map((method) => [method, histogram.seriesFor(method)])) as Record<Method, HistogramSeries>;
  const listCollections = histogram.seriesFor('listCollections');
  const dropCollection = histogram.seriesFor('dropCollection');
  const close = histogram.seriesFor('close');
  const collection = <T extends StoredDocument>(name: string): Collection<T> => new TimedCollection(store.collection<T>(name), series);
  return new Proxy(store, {
    get(target, property, receiver) {
      switch (property) {
        case 'collection':
          return collection;
        case 'listCollections':
          return () => timed(listCollections, performance.now(), target.listCollections());
        case 'dropCollection':
          return (name: string) => timed(dropCollection, performance.now(), target.dropCollection(name));
        case 'close':
          return () => timed(close, performance.now(), target.close());
        default: {
          // Bound to the store itself: its methods read private fields a Proxy does not have.
          const value = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        }
      }
    },
  });
}
