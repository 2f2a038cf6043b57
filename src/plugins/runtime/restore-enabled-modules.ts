import type { GraphQLSchema } from 'graphql';
import { topologicalOrder } from '../graph/index.js';
import { deactivateModule, type ModuleInstance } from '../loader/index.js';
import { seedRecords } from '../state/index.js';
import { activateRecorded } from './activate-recorded.js';
import { assertNoConflicts, loadCandidate } from './load-into-runtime.js';
import { refreshDiscovery } from './refresh-discovery.js';
import type { RuntimeParts } from './runtime-parts.js';

async function seedState(parts: RuntimeParts): Promise<void> {
  const stored = await parts.state.loadRecords();
  const firstStart = stored.length === 0;
  const { enabledModules, autoDiscoverModules } = parts.options.config;
  const seeded = seedRecords([...parts.state.found.values()].flat(), new Set(stored.map((r) => r.name)), {
    enabledModules,
    autoDiscover: autoDiscoverModules,
    firstStart,
    now: new Date(),
  });
  for (const record of seeded) await parts.state.insertRecord(record);
  if (firstStart && enabledModules) {
    const missing = enabledModules.filter((name) => !parts.state.found.has(name));
    if (missing.length > 0) parts.options.logger.warn({ missing }, 'ENABLED_MODULES names modules that are not bundled or installed');
  }
}

async function recordFailure(parts: RuntimeParts, name: string, error: unknown): Promise<void> {
  const message = (error as Error)?.message ?? String(error);
  parts.options.logger.error({ module: name, err: error }, `module ${name} could not be enabled: ${message}`);
  await parts.state.saveRecord(name, { loadError: message });
}

/** Drops live modules, last first, until the rest composes; only runs when the full build failed. */
async function composeDroppingBroken(parts: RuntimeParts): Promise<GraphQLSchema> {
  const accepted: ModuleInstance[] = [];
  for (const instance of [...parts.state.live.values()]) {
    try {
      const lost = Object.keys(instance.manifest.dependencies).filter((d) => d !== 'core' && !accepted.some((a) => a.name === d));
      if (lost.length > 0) throw new Error(`Its dependencies failed to load: ${lost.join(', ')}.`);
      parts.composition.compose([...accepted, instance]);
      accepted.push(instance);
    } catch (error) {
      parts.state.markStopped(instance.name);
      await deactivateModule(instance, parts.options.config.limits.moduleHookTimeoutMs);
      await recordFailure(parts, instance.name, error);
    }
  }
  return parts.composition.compose(accepted);
}

/**
 * Start-up: discover → seed `installed_modules` on a first start → load every enabled module in
 * dependency order (a failure marks that module FAILED and the platform carries on) → compose.
 */
export async function restoreEnabledModules(parts: RuntimeParts): Promise<GraphQLSchema> {
  await refreshDiscovery(parts);
  await seedState(parts);
  const enabled = [...parts.state.records.values()].filter((record) => record.enabled);
  const graph = new Map(enabled.map((record) => [record.name, Object.keys(parts.state.pick(record.name)?.manifest?.dependencies ?? {})]));
  const { order, cycles } = topologicalOrder(graph);
  for (const cycle of cycles) {
    for (const name of new Set(cycle))
      await recordFailure(parts, name, new Error(`Dependency cycle: ${cycle.join(' → ')}. Remove one of these dependencies.`));
  }
  for (const name of order) {
    try {
      const instance = await loadCandidate(parts, name);
      assertNoConflicts(parts, instance);
      // A refused record write leaves it FAILED and unserved, not live behind the records' back.
      await activateRecorded(parts, instance, {
        lastLoadedAt: instance.loadedAt,
        loadError: null,
        version: instance.version,
        source: instance.source,
      });
    } catch (error) {
      await recordFailure(parts, name, error);
    }
  }
  try {
    return parts.composition.compose(parts.state.live.values());
  } catch {
    return composeDroppingBroken(parts);
  }
}
