import type { Disposer } from '../../sdk/types.js';

export interface DisposerStack {
  /** Registers `disposer`; the returned function runs it early (once) and forgets it. */
  add(disposer: Disposer): Disposer;
  /** Runs every registered disposer, newest first; returns the errors (never throws). */
  runAll(): Promise<unknown[]>;
  readonly size: number;
}

/** Collects the cleanups of one enabled module so disabling it leaves nothing behind. */
export function createDisposerStack(): DisposerStack {
  const disposers = new Set<Disposer>();
  return {
    add(disposer) {
      let done = false;
      const once: Disposer = () => {
        if (done) return;
        done = true;
        disposers.delete(once);
        return disposer();
      };
      disposers.add(once);
      return once;
    },
    async runAll() {
      const errors: unknown[] = [];
      for (const disposer of [...disposers].reverse()) {
        try {
          await disposer();
        } catch (error) {
          errors.push(error);
        }
      }
      disposers.clear();
      return errors;
    },
    get size() {
      return disposers.size;
    },
  };
}
