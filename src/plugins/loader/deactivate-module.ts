import type { ModuleInstance } from './module-instance.js';
import { withTimeout } from './with-timeout.js';

/**
 * Undoes an enable: `onDisable(handle)` under the hook timeout, then every disposer (timers,
 * listeners, anything registered with `onDispose`), newest first. Never throws: a failing hook
 * must not keep a module half-enabled; the problems are returned for logging.
 */
export async function deactivateModule(instance: ModuleInstance, hookTimeoutMs: number): Promise<string[]> {
  const problems: string[] = [];
  const onDisable = instance.definition.onDisable;
  if (onDisable) {
    try {
      await withTimeout(`onDisable of module ${instance.name}`, hookTimeoutMs, () => onDisable(instance.handle));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  for (const error of await instance.disposers.runAll()) {
    problems.push(`a disposer of module ${instance.name} failed: ${(error as Error)?.message ?? String(error)}`);
  }
  instance.exports = {};
  return problems;
}
