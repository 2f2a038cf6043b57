import type { GraphQLSchema } from 'graphql';
import { platformError } from '../../errors/index.js';
import { enabledDependents } from '../graph/index.js';
import { deactivateModule } from '../loader/index.js';
import { assertKnown } from './enable-module.js';
import type { OperationResult } from './module-runtime.js';
import type { RuntimeParts } from './runtime-parts.js';

/**
 * DEPENDENTS_ENABLED when enabled modules depend on `name`, worded for what was asked:
 * `Cannot uninstall farm_manager: the enabled module inventory depends on it. Disable it first.`
 */
export function assertNoEnabledDependents(parts: RuntimeParts, name: string, action: 'disable' | 'uninstall'): void {
  const dependents = enabledDependents(name, parts.state.live.values());
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
export async function disableModule(parts: RuntimeParts, name: string, swap: (schema: GraphQLSchema) => void): Promise<OperationResult> {
  assertKnown(parts, name);
  const instance = parts.state.live.get(name);
  if (!instance) {
    const record = parts.state.records.get(name);
    if (record?.enabled || record?.loadError) await parts.state.saveRecord(name, { enabled: false, loadError: null });
    return { info: parts.views.info(name), changed: false };
  }
  assertNoEnabledDependents(parts, name, 'disable');
  const schema = parts.composition.compose([...parts.state.live.values()].filter((m) => m !== instance));
  await parts.state.saveRecord(name, { enabled: false });
  parts.state.markStopped(name);
  swap(schema);
  const problems = await deactivateModule(instance, parts.options.config.limits.moduleHookTimeoutMs);
  if (problems.length > 0) parts.options.logger.warn({ module: name, problems }, `module ${name} did not clean up fully`);
  return { info: parts.views.info(name), changed: true };
}
