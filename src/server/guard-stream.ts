import type { ExecutionResult } from 'graphql';

export interface StreamGuardOptions {
  /** Resolves with a final result that ends the stream (the caller lost the right), or null to go on. */
  recheck(): Promise<ExecutionResult | null>;
  /** Also re-check this often while no event arrives. */
  recheckEveryMs: number;
  /** Called once when the stream ends, however it ends. */
  onFinish(): void;
}

export interface GuardedStream extends AsyncIterableIterator<ExecutionResult> {
  /** Ends the stream after sending `final` as its last event. */
  close(final: ExecutionResult): void;
}

/**
 * Wraps a subscription's event stream: every event is sent only after `recheck` allows it, a
 * timer re-checks between events, and `close(final)` ends the stream from outside (shutdown)
 * with a last event explaining why.
 */
export function guardStream(source: AsyncIterable<ExecutionResult>, options: StreamGuardOptions): GuardedStream {
  const upstream = source[Symbol.asyncIterator]();
  let finished = false;
  let pendingFinal: ExecutionResult | null = null;
  let wake: (() => void) | null = null;
  const timer = setInterval(() => {
    void options.recheck().then(
      (final) => final && stream.close(final),
      () => {},
    );
  }, options.recheckEveryMs);
  timer.unref();

  const finish = (): IteratorResult<ExecutionResult> => {
    if (!finished) {
      finished = true;
      clearInterval(timer);
      void upstream.return?.();
      options.onFinish();
    }
    return { value: undefined, done: true };
  };
  const takeFinal = (): IteratorResult<ExecutionResult> | null => {
    if (!pendingFinal) return null;
    const value = pendingFinal;
    pendingFinal = null;
    finish();
    return { value, done: false };
  };
  const closed = () => new Promise<'closed'>((resolve) => (wake = () => resolve('closed')));

  const stream: GuardedStream = {
    [Symbol.asyncIterator]: () => stream,
    async next() {
      if (pendingFinal) return takeFinal()!;
      if (finished) return { value: undefined, done: true };
      const next = await Promise.race([upstream.next(), closed()]);
      wake = null;
      if (next === 'closed') return takeFinal() ?? finish();
      if (next.done) return finish();
      const final = await options.recheck();
      if (final) {
        pendingFinal = final;
        return takeFinal()!;
      }
      return next;
    },
    async return() {
      return finish();
    },
    close(final) {
      if (finished) return;
      pendingFinal = final;
      if (wake) wake();
    },
  };
  return stream;
}
