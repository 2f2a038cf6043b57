import { platformError } from '../../errors/index.js';

/**
 * Runs a module hook, failing with MODULE_LOAD_FAILED when it throws or does not settle within
 * `ms` (a hanging hook must not hang the platform). The hook keeps running in the background if
 * it hangs; the caller disposes what it registered.
 */
export async function withTimeout<T>(what: string, ms: number, run: () => T | Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = platformError('MODULE_LOAD_FAILED', `${what} did not finish within ${ms} ms.`);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(expired), ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(run), timeout]);
  } catch (error) {
    if (error === expired) throw error;
    throw platformError('MODULE_LOAD_FAILED', `${what} failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
