import { checkForUpdates, type UpdateCheckDeps, type UpdateCheckResult } from './check-for-updates.js';

export interface UpdateScheduler {
  /** Runs a check now (after any running one): the same pass the timer runs. */
  runNow(): Promise<UpdateCheckResult[]>;
  /** Stops the timer and waits for a running check. */
  stop(): Promise<void>;
}

/**
 * Checks for automatic updates every `intervalMs` (the catalog TTL), one pass at a time.
 *
 * @example const scheduler = createUpdateScheduler(deps, config.registryTtlSeconds * 1000);
 */
export function createUpdateScheduler(deps: UpdateCheckDeps, intervalMs: number): UpdateScheduler {
  const onTimer = () =>
    void runNow().catch((error: unknown) => deps.logger.warn({ err: error }, 'automatic update check failed; trying again later'));
  let running: Promise<UpdateCheckResult[]> = Promise.resolve([]);
  const runNow = () => {
    running = running.catch(() => []).then(() => checkForUpdates(deps));
    return running;
  };
  const timer = setInterval(onTimer, intervalMs);
  timer.unref();
  return {
    runNow,
    async stop() {
      clearInterval(timer);
      await running.catch(() => {});
    },
  };
}
