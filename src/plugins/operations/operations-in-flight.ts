/**
 * The module operations running in this process, whoever started them (a request, the license
 * check, the update scheduler), so a graceful stop can let them finish before the store closes.
 */
export interface OperationsInFlight {
  /** Counts `operation` as running until it settles; returns it unchanged. */
  track<T>(operation: Promise<T>): Promise<T>;
  count(): number;
  /** Resolves true once every tracked operation settled, or false after `timeoutMs`. */
  settled(timeoutMs: number): Promise<boolean>;
}

export function createOperationsInFlight(): OperationsInFlight {
  const running = new Set<Promise<unknown>>();
  return {
    track(operation) {
      const settled = operation.then(
        () => undefined,
        () => undefined,
      );
      running.add(settled);
      void settled.then(() => running.delete(settled));
      return operation;
    },
    count: () => running.size,
    async settled(timeoutMs) {
      if (running.size === 0) return true;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
        timer.unref();
      });
      // Operations that start while waiting are waited for too (the loop re-reads the set).
      const allDone = (async () => {
        while (running.size > 0) await Promise.all([...running]);
        return true as const;
      })();
      try {
        return await Promise.race([allDone, timedOut]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
