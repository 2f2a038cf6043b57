import { describe, expect, it } from 'vitest';
import { createOperationsInFlight } from './operations-in-flight.js';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('operations in flight', () => {
  it('settles at once with nothing running, and only once every tracked operation settled (failures too)', async () => {
    const inFlight = createOperationsInFlight();
    expect(await inFlight.settled(60_000)).toBe(true);
    const first = deferred();
    const second = deferred();
    void inFlight.track(first.promise);
    inFlight.track(second.promise).catch(() => {});
    expect(inFlight.count()).toBe(2);
    let done = false;
    const settling = inFlight.settled(60_000).then((value) => {
      done = true;
      return value;
    });
    first.resolve();
    await first.promise;
    await Promise.resolve();
    expect(done).toBe(false);
    second.reject(new Error('refused'));
    expect(await settling).toBe(true);
    expect(inFlight.count()).toBe(0);
  });

  it('gives up after the timeout while an operation still runs', async () => {
    const inFlight = createOperationsInFlight();
    const hung = deferred();
    void inFlight.track(hung.promise);
    expect(await inFlight.settled(1)).toBe(false);
    expect(inFlight.count()).toBe(1);
    hung.resolve();
    expect(await inFlight.settled(60_000)).toBe(true);
  });
});
