/**
 * A FIFO async mutex: tasks given to `run` execute one at a time, in call order.
 * The embedded store wraps every write of a collection in one, so multi-step operations
 * (find-then-update, upsert) are atomic with respect to each other.
 *
 * @example const mutex = createAsyncMutex(); await mutex.run(async () => { const doc = await find(); await update(doc); });
 */
export class AsyncMutex {
  #tail: Promise<void> = Promise.resolve();

  /** Runs `task` once every earlier task has settled; its result or error is passed through. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const previous = this.#tail;
    let release: () => void = () => {};
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await task();
    } finally {
      release();
    }
  }

  /** Same as `run` (the name used by the async-mutex package). */
  runExclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.run(task);
  }
}

/** Creates an AsyncMutex. */
export function createAsyncMutex(): AsyncMutex {
  return new AsyncMutex();
}
