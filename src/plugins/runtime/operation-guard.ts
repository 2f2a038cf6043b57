import { platformError } from '../../errors/index.js';

export interface OperationGuard {
  /**
   * Runs `operation` on module `name`: refused with OPERATION_IN_PROGRESS while another operation
   * on the same module runs; operations on different modules queue one after another, since each
   * composes from the state the previous one left.
   */
  run<T>(name: string, operation: () => Promise<T>): Promise<T>;
}

export function createOperationGuard(): OperationGuard {
  const busy = new Set<string>();
  let tail: Promise<unknown> = Promise.resolve();
  return {
    async run(name, operation) {
      if (busy.has(name)) {
        throw platformError('OPERATION_IN_PROGRESS', `Another operation on module ${name} is running; try again when it finishes.`, {
          details: { module: name },
        });
      }
      busy.add(name);
      const result = tail.then(operation);
      // The queue continues whatever this operation's outcome.
      tail = result.catch(() => {});
      try {
        return await result;
      } finally {
        busy.delete(name);
      }
    },
  };
}
