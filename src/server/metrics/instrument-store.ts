import type { Histogram } from 'prom-client';
import type { DocumentStore } from '../../store/types.js';

function timed<T extends object>(target: T, histogram: Histogram<'operation'>): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const stop = histogram.startTimer({ operation: property });
        const result = (value as (...a: unknown[]) => unknown).apply(object, args);
        if (result && typeof (result as Promise<unknown>).finally === 'function') return (result as Promise<unknown>).finally(stop);
        stop();
        return result;
      };
    },
  });
}

/**
 * The same store, with every collection call (find, insertOne, …) and store call timed into
 * `histogram` by method name. Behaviour is unchanged: results and errors pass through.
 */
export function instrumentStore(store: DocumentStore, histogram: Histogram<'operation'>): DocumentStore {
  const timedStore = timed(store, histogram);
  return new Proxy(timedStore, {
    get(object, property, receiver) {
      if (property === 'collection') return (name: string) => timed(store.collection(name), histogram);
      return Reflect.get(object, property, receiver);
    },
  });
}
