import { platformError } from '../../errors/index.js';
import type { Logger } from '../../logging/index.js';
import type { ModuleHandle, ModuleLogger, ModuleServices } from '../../sdk/types.js';
import type { DocumentStore } from '../../store/types.js';
import type { Manifest } from '../manifest/index.js';
import { createLoaderFactory } from './create-loader-factory.js';
import { createScopedStore } from './create-scoped-store.js';
import { createDisposerStack, type DisposerStack } from './disposer-stack.js';

export interface ModuleHandleOptions {
  manifest: Manifest;
  store: DocumentStore;
  logger: Logger;
  /** Services of the module's declared dependencies, by module name. */
  services: ModuleServices;
}

export interface OwnedModuleHandle {
  /** The handle outside any request: hooks, migrations, services (`user` null, `can` true). */
  handle: ModuleHandle;
  disposers: DisposerStack;
}

function moduleLogger(logger: Logger): ModuleLogger {
  return {
    debug: (message, data) => logger.debug(data ?? {}, message),
    info: (message, data) => logger.info(data ?? {}, message),
    warn: (message, data) => logger.warn(data ?? {}, message),
    error: (message, data) => logger.error(data ?? {}, message),
  };
}

/**
 * Builds the handle a module gets for one enable: scoped store, tagged logger, its dependencies'
 * services, and registrations (`every`, `onDispose`) that all land in one disposer stack.
 */
export function createModuleHandle(options: ModuleHandleOptions): OwnedModuleHandle {
  const { manifest } = options;
  const logger = options.logger.child({ module: manifest.module_name });
  const disposers = createDisposerStack();
  const store = createScopedStore(options.store, manifest.module_name, manifest.database_collections);
  const handle: ModuleHandle = {
    name: manifest.module_name,
    version: manifest.version,
    store,
    // Outside a request nothing ends a cache, so these loaders only batch.
    loader: createLoaderFactory(store, false),
    logger: moduleLogger(logger),
    services: options.services,
    user: null,
    can: () => true,
    assertCan: () => {},
    every(ms, fn) {
      if (!Number.isFinite(ms) || ms < 1)
        throw platformError('BAD_USER_INPUT', `every(ms) of module ${manifest.module_name} needs ms ≥ 1.`);
      const timer = setInterval(() => {
        Promise.resolve()
          .then(fn)
          .catch((error) => logger.error({ err: error }, 'a periodic task of the module failed'));
      }, ms);
      // A module's timer must never keep the process alive on shutdown.
      timer.unref();
      return disposers.add(() => clearInterval(timer));
    },
    onDispose: (disposer) => disposers.add(disposer),
  };
  return { handle, disposers };
}
