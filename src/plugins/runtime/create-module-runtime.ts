import type { GraphQLSchema } from 'graphql';
import { platformError } from '../../errors/index.js';
import type { ResolverMap } from '../composer/index.js';
import { createSchemaHolder, type SchemaHolder } from '../composer/schema-holder.js';
import { deactivateModule, prepareModule } from '../loader/index.js';
import { createInstalledModulesRepository, createModuleMigrationsRepository } from '../state/index.js';
import { activateInstalled } from './activate-installed.js';
import { disableModule } from './disable-module.js';
import { enableModule } from './enable-module.js';
import type { ModuleRuntime } from './module-runtime.js';
import type { ModuleRuntimeOptions } from './module-runtime-options.js';
import { createOperationGuard } from './operation-guard.js';
import { refreshDiscovery } from './refresh-discovery.js';
import { removeModule } from './remove-module.js';
import { restoreEnabledModules } from './restore-enabled-modules.js';
import { createRuntimeComposition, parseCoreDocument } from './runtime-composition.js';
import type { RuntimeParts } from './runtime-parts.js';
import { createRuntimeState } from './runtime-state.js';
import { createRuntimeViews } from './runtime-views.js';

type Operation<T> = (parts: RuntimeParts, swap: (schema: GraphQLSchema) => void) => Promise<T>;

/**
 * Builds the plugin runtime: its state and the views of it now, the composition when `start()`
 * brings the core resolvers. Nothing runs until `start()`.
 *
 * @example
 * const runtime = createModuleRuntime({ config, store, logger, core: { typeDefs: readCoreTypeDefs() }, bundledDir, installedDir: `${config.dataDir}/modules` });
 * const schemaHolder = await runtime.start(coreResolvers);
 */
export function createModuleRuntime(options: ModuleRuntimeOptions): ModuleRuntime {
  const state = createRuntimeState(createInstalledModulesRepository(options.store));
  const views = createRuntimeViews(state, options);
  const coreDocument = parseCoreDocument(options.core.typeDefs);
  const migrations = createModuleMigrationsRepository(options.store);
  const guard = createOperationGuard();
  // The runtime's one change of phase. The core resolvers call this runtime and the installer, so
  // they exist only after both; composing, and with it every operation, starts with them.
  let started: { parts: RuntimeParts; holder: SchemaHolder } | null = null;
  const holder = () => started?.holder ?? options.schemaHolder;

  const operate = <T>(name: string, operation: Operation<T>) =>
    guard.run(name, () => {
      if (!started) throw new Error('The module runtime is not started.');
      const live = started;
      return operation(live.parts, (schema) => live.holder.swap(schema));
    });

  return {
    async start(coreResolvers = {}) {
      const composition = createRuntimeComposition(coreDocument, coreResolvers as ResolverMap);
      const parts: RuntimeParts = { options, state, views, composition, migrations };
      const schema = await restoreEnabledModules(parts);
      const existing = holder();
      existing?.swap(schema);
      started = { parts, holder: existing ?? createSchemaHolder(schema) };
      return started.holder;
    },
    async stop() {
      for (const instance of [...state.live.values()].reverse()) {
        state.markStopped(instance.name);
        const problems = await deactivateModule(instance, options.config.limits.moduleHookTimeoutMs);
        if (problems.length > 0) options.logger.warn({ module: instance.name, problems }, 'module did not stop cleanly');
      }
    },
    list: () => views.list(),
    get: (name) => views.get(name),
    saveLicense: (name, licenseKeyEncrypted) => state.saveRecord(name, { licenseKeyEncrypted }),
    storedLicense: (name) => state.records.get(name)?.licenseKeyEncrypted ?? null,
    enable: (name) => operate(name, (parts, swap) => enableModule(parts, name, swap)),
    disable: (name) => operate(name, (parts, swap) => disableModule(parts, name, swap)),
    activateInstalled: async (name, version, activateOptions) =>
      (await operate(name, (parts, swap) => activateInstalled(parts, name, version, activateOptions, swap))).info,
    remove: (name, removeOptions = {}) => operate(name, (parts, swap) => removeModule(parts, name, removeOptions.dropData ?? false, swap)),
    refresh: () => refreshDiscovery({ options, state }),
    schemaVersion: () => holder()?.current().version ?? 0,
    schema() {
      const current = holder();
      if (!current) throw platformError('MODULE_LOAD_FAILED', 'The module runtime is not started.');
      return current.current().schema;
    },
    planning: {
      coreDocument: () => coreDocument,
      live: () => [...state.live.values()],
      async prepareInstalled(name) {
        const found = state.pick(name);
        if (!found) throw platformError('NOT_INSTALLED', `${name} is not installed.`, { details: { module: name } });
        return prepareModule(found);
      },
    },
    permissions: () => views.permissions(),
  };
}
