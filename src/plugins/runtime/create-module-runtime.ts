import type { GraphQLSchema } from 'graphql';
import { platformError } from '../../errors/index.js';
import type { ResolverMap } from '../composer/index.js';
import { createSchemaHolder, type SchemaHolder } from '../composer/schema-holder.js';
import { deactivateModule, prepareModule } from '../loader/index.js';
import { activateInstalled } from './activate-installed.js';
import { disableModule } from './disable-module.js';
import { enableModule } from './enable-module.js';
import type { ModuleRuntime } from './module-runtime.js';
import type { ModuleRuntimeOptions } from './module-runtime-options.js';
import { createOperationGuard } from './operation-guard.js';
import { removeModule } from './remove-module.js';
import { refreshDiscovery, restoreEnabledModules } from './restore-enabled-modules.js';
import { createRuntimeCore } from './runtime-core.js';

/**
 * Builds the plugin runtime. Nothing runs until `start()`.
 *
 * @example
 * const runtime = createModuleRuntime({ config, store, logger, core: { typeDefs: readCoreTypeDefs() }, bundledDir, installedDir: `${config.dataDir}/modules` });
 * const schemaHolder = await runtime.start(coreResolvers);
 */
export function createModuleRuntime(options: ModuleRuntimeOptions): ModuleRuntime {
  const core = createRuntimeCore(options);
  const guard = createOperationGuard();
  let holder: SchemaHolder | null = options.schemaHolder ?? null;

  const swap = (schema: GraphQLSchema) => {
    if (!holder) throw new Error('The module runtime is not started.');
    holder.swap(schema);
  };

  const runtime: ModuleRuntime = {
    async start(coreResolvers = {}) {
      core.coreResolvers = coreResolvers as ResolverMap;
      const schema = await restoreEnabledModules(core);
      if (holder) holder.swap(schema);
      else holder = createSchemaHolder(schema);
      return holder;
    },
    async stop() {
      for (const instance of [...core.state.live.values()].reverse()) {
        core.state.markStopped(instance.name);
        const problems = await deactivateModule(instance, options.config.limits.moduleHookTimeoutMs);
        if (problems.length > 0) options.logger.warn({ module: instance.name, problems }, 'module did not stop cleanly');
      }
    },
    list: () => core.views.list(),
    get: (name) => core.views.get(name),
    saveLicense: (name, licenseKeyEncrypted) => core.state.saveRecord(name, { licenseKeyEncrypted }),
    storedLicense: (name) => core.state.records.get(name)?.licenseKeyEncrypted ?? null,
    enable: (name) => guard.run(name, () => enableModule(core, name, swap)),
    disable: (name) => guard.run(name, () => disableModule(core, name, swap)),
    activateInstalled: async (name, version, activateOptions) =>
      (await guard.run(name, () => activateInstalled(core, name, version, activateOptions, swap))).info,
    remove: (name, removeOptions = {}) => guard.run(name, () => removeModule(core, name, removeOptions.dropData ?? false, swap)),
    refresh: () => refreshDiscovery(core),
    schemaVersion: () => holder?.current().version ?? 0,
    schema() {
      if (!holder) throw platformError('MODULE_LOAD_FAILED', 'The module runtime is not started.');
      return holder.current().schema;
    },
    planning: {
      coreDocument: () => core.coreDocument,
      live: () => [...core.state.live.values()],
      async prepareInstalled(name) {
        const found = core.state.pick(name);
        if (!found) throw platformError('NOT_INSTALLED', `${name} is not installed.`, { details: { module: name } });
        return prepareModule(found);
      },
    },
    permissions: () => core.views.permissions(),
  };
  return runtime;
}
