import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { guardStream } from './guard-stream.js';

/** A source the test pushes into; records whether it was told to stop. */
function source() {
  const queue: ExecutionResult[] = [];
  let wake: (() => void) | null = null;
  const state = { returned: false };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]: () => iterator,
    async next() {
      while (queue.length === 0 && !state.returned) await new Promise<void>((resolve) => (wake = resolve));
      if (state.returned) return { value: undefined, done: true };
      return { value: queue.shift()!, done: false };
    },
    async return() {
      state.returned = true;
      wake?.();
      return { value: undefined, done: true };
    },
  };
  return {
    iterator,
    state,
    push(value: ExecutionResult) {
      queue.push(value);
      wake?.();
    },
  };
}

const HOUR = 3_600_000;

describe('guardStream', () => {
  it('passes events while the re-check allows them, then ends with its final result', async () => {
    const upstream = source();
    let allowed = true;
    let finished = 0;
    const stream = guardStream(upstream.iterator, {
      recheck: async () => (allowed ? null : { errors: [] }),
      recheckEveryMs: HOUR,
      onFinish: () => finished++,
    });
    upstream.push({ data: { n: 1 } });
    expect(await stream.next()).toEqual({ value: { data: { n: 1 } }, done: false });
    allowed = false;
    upstream.push({ data: { n: 2 } });
    expect(await stream.next()).toEqual({ value: { errors: [] }, done: false });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(upstream.state.returned).toBe(true);
    expect(finished).toBe(1);
  });

  it('close() ends a stream waiting for an event, and one not waiting, with the given last event', async () => {
    for (const waiting of [true, false]) {
      const upstream = source();
      let finished = 0;
      const stream = guardStream(upstream.iterator, { recheck: async () => null, recheckEveryMs: HOUR, onFinish: () => finished++ });
      const pending = waiting ? stream.next() : null;
      stream.close({ data: { bye: true } });
      expect(await (pending ?? stream.next())).toEqual({ value: { data: { bye: true } }, done: false });
      expect(await stream.next()).toEqual({ value: undefined, done: true });
      expect([upstream.state.returned, finished]).toEqual([true, 1]);
    }
  });

  it('return() (the client left) stops the source and finishes once', async () => {
    const upstream = source();
    let finished = 0;
    const stream = guardStream(upstream.iterator, { recheck: async () => null, recheckEveryMs: HOUR, onFinish: () => finished++ });
    await stream.return?.();
    await stream.return?.();
    stream.close({ data: null });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect([upstream.state.returned, finished]).toEqual([true, 1]);
  });
});
