import type { Logger } from '../../logging/index.js';
import type { ModuleServices } from '../../sdk/types.js';
import type { DocumentStore } from '../../store/types.js';
import { createModuleContextFactory, wrapModuleResolvers } from '../composer/index.js';
import { createModuleHandle, type PermissionChecks } from '../handle/index.js';
import type { ModuleInstance } from './module-instance.js';
import type { PreparedModule } from './prepare-module.js';

export interface InstantiateOptions {
  store: DocumentStore;
  logger: Logger;
  permissions: PermissionChecks;
  /** Live modules by name; only the manifest's declared dependencies are exposed as services. */
  live: ReadonlyMap<string, ModuleInstance>;
}

/** Gives a prepared module its handle and wrapped resolvers. Runs none of its code. */
export function instantiateModule(prepared: PreparedModule, options: InstantiateOptions): ModuleInstance {
  // Getters, not copies: when a dependency is upgraded in place, dependents call the new code.
  const services: ModuleServices = {};
  for (const dependency of Object.keys(prepared.manifest.dependencies)) {
    if (dependency === 'core') continue;
    Object.defineProperty(services, dependency, { enumerable: true, get: () => options.live.get(dependency)?.exports ?? {} });
  }
  const { handle, disposers } = createModuleHandle({
    manifest: prepared.manifest,
    store: options.store,
    logger: options.logger,
    services: Object.freeze(services),
  });
  const contextFor = createModuleContextFactory(handle, options.permissions);
  const resolvers = wrapModuleResolvers(prepared.definition.resolvers, prepared.document, contextFor);
  return { ...prepared, handle, disposers, resolvers, exports: {}, loadedAt: null };
}
