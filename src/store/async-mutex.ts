/**
 * A FIFO async mutex: callers of `runExclusive` run one at a time, in call order.
 * The embedded store wraps every write of a collection in one, so multi-step operations
 * (find-then-update, upsert) are atomic with respect to each other.
 *
 * @example await mutex.runExclusive(async () => { const doc = await find(); await update(doc); });
 */
export class AsyncMutex {
  #tail: Promise<void> = Promise.resolve();

  async runExclusive<T>(task: () => Promise<T>): Promise<T> {
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
}
