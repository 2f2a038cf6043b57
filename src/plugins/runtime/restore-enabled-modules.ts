import type { GraphQLSchema } from 'graphql';
import { discoverModules } from '../discovery/index.js';
import { topologicalOrder } from '../graph/index.js';
import { activateModule, deactivateModule, type ModuleInstance } from '../loader/index.js';
import { seedRecords } from '../state/index.js';
import { assertNoConflicts, loadCandidate } from './load-into-runtime.js';
import type { RuntimeCore } from './runtime-core.js';

/** Re-reads the module directories (after an install, or at start). */
export async function refreshDiscovery(core: RuntimeCore): Promise<void> {
  const found = await discoverModules({ bundledDir: core.options.bundledDir, installedDir: core.options.installedDir });
  core.state.replaceFound(found);
}

async function seedState(core: RuntimeCore): Promise<void> {
  const stored = await core.state.loadRecords();
  const firstStart = stored.length === 0;
  const { enabledModules, autoDiscoverModules } = core.options.config;
  const seeded = seedRecords([...core.state.found.values()].flat(), new Set(stored.map((r) => r.name)), {
    enabledModules,
    autoDiscover: autoDiscoverModules,
    firstStart,
    now: new Date(),
  });
  for (const record of seeded) await core.state.insertRecord(record);
  if (firstStart && enabledModules) {
    const missing = enabledModules.filter((name) => !core.state.found.has(name));
    if (missing.length > 0) core.options.logger.warn({ missing }, 'ENABLED_MODULES names modules that are not bundled or installed');
  }
}

async function recordFailure(core: RuntimeCore, name: string, error: unknown): Promise<void> {
  const message = (error as Error)?.message ?? String(error);
  core.options.logger.error({ module: name, err: error }, `module ${name} could not be enabled: ${message}`);
  await core.state.saveRecord(name, { loadError: message });
}

/** Drops live modules, last first, until the rest composes; only runs when the full build failed. */
async function composeDroppingBroken(core: RuntimeCore): Promise<GraphQLSchema> {
  const accepted: ModuleInstance[] = [];
  for (const instance of [...core.state.live.values()]) {
    try {
      const lost = Object.keys(instance.manifest.dependencies).filter((d) => d !== 'core' && !accepted.some((a) => a.name === d));
      if (lost.length > 0) throw new Error(`Its dependencies failed to load: ${lost.join(', ')}.`);
      core.compose([...accepted, instance]);
      accepted.push(instance);
    } catch (error) {
      core.state.markStopped(instance.name);
      await deactivateModule(instance, core.options.config.limits.moduleHookTimeoutMs);
      await recordFailure(core, instance.name, error);
    }
  }
  return core.compose(accepted);
}

/**
 * Start-up: discover → seed `installed_modules` on a first start → load every enabled module in
 * dependency order (a failure marks that module FAILED and the platform carries on) → compose.
 */
export async function restoreEnabledModules(core: RuntimeCore): Promise<GraphQLSchema> {
  await refreshDiscovery(core);
  await seedState(core);
  const enabled = [...core.state.records.values()].filter((record) => record.enabled);
  const graph = new Map(enabled.map((record) => [record.name, Object.keys(core.state.pick(record.name)?.manifest?.dependencies ?? {})]));
  const { order, cycles } = topologicalOrder(graph);
  for (const cycle of cycles) {
    for (const name of new Set(cycle))
      await recordFailure(core, name, new Error(`Dependency cycle: ${cycle.join(' → ')}. Remove one of these dependencies.`));
  }
  for (const name of order) {
    try {
      const instance = await loadCandidate(core, name);
      assertNoConflicts(core, instance);
      await activateModule(instance, { migrations: core.migrations, hookTimeoutMs: core.options.config.limits.moduleHookTimeoutMs });
      core.state.markLive(instance);
      await core.state.saveRecord(name, {
        lastLoadedAt: instance.loadedAt,
        loadError: null,
        version: instance.version,
        source: instance.source,
      });
    } catch (error) {
      await recordFailure(core, name, error);
    }
  }
  try {
    return core.compose(core.state.live.values());
  } catch {
    return composeDroppingBroken(core);
  }
}
