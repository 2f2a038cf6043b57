import type { GraphQLSchema } from 'graphql';
import { platformError } from '../../errors/index.js';
import { enabledDependents } from '../graph/index.js';
import { deactivateModule } from '../loader/index.js';
import { assertKnown } from './enable-module.js';
import type { OperationResult } from './module-runtime.js';
import type { RuntimeCore } from './runtime-core.js';

/**
 * DEPENDENTS_ENABLED when enabled modules depend on `name`, worded for what was asked:
 * `Cannot uninstall farm_manager: the enabled module inventory depends on it. Disable it first.`
 */
export function assertNoEnabledDependents(core: RuntimeCore, name: string, action: 'disable' | 'uninstall'): void {
  const dependents = enabledDependents(name, core.state.live.values());
  if (dependents.length === 0) return;
  const who =
    dependents.length === 1
      ? `the enabled module ${dependents[0]} depends on it. Disable it first.`
      : `the enabled modules ${dependents.join(', ')} depend on it. Disable them first.`;
  throw platformError('DEPENDENTS_ENABLED', `Cannot ${action} ${name}: ${who}`, { details: { module: name, dependents } });
}

/**
 * Disables a module live: refuses while enabled modules depend on it (DEPENDENTS_ENABLED) →
 * compose without it → persist → swap (new requests no longer see it) → onDisable and every
 * disposer. Disabling a FAILED module only clears its desired state.
 */
export async function disableModule(core: RuntimeCore, name: string, swap: (schema: GraphQLSchema) => void): Promise<OperationResult> {
  assertKnown(core, name);
  const instance = core.state.live.get(name);
  if (!instance) {
    const record = core.state.records.get(name);
    if (record?.enabled || record?.loadError) await core.state.saveRecord(name, { enabled: false, loadError: null });
    return { info: core.views.info(name), changed: false };
  }
  assertNoEnabledDependents(core, name, 'disable');
  const schema = core.compose([...core.state.live.values()].filter((m) => m !== instance));
  await core.state.saveRecord(name, { enabled: false });
  core.state.markStopped(name);
  swap(schema);
  const problems = await deactivateModule(instance, core.options.config.limits.moduleHookTimeoutMs);
  if (problems.length > 0) core.options.logger.warn({ module: name, problems }, `module ${name} did not clean up fully`);
  return { info: core.views.info(name), changed: true };
}
