import { createAdminRequestHandler } from '../admin/index.js';
import { createAccessControl } from '../auth/create-access-control.js';
import { type BootstrapResult, bootstrapAdmin, createLoginThrottle, loadOrCreateSecret } from '../auth/index.js';
import { type Config, PLATFORM_VERSION } from '../config/index.js';
import { createLogger, type Logger } from '../logging/index.js';
import { createAuditLogRepository } from '../plugins/audit/index.js';
import { type UpdateCheckResult, useFieldUsage } from '../plugins/changes/index.js';
import type { ModuleRuntime } from '../plugins/index.js';
import { readCoreTypeDefs } from '../server/core-type-defs.js';
import { createHttpServer } from '../server/create-http-server.js';
import { createYogaServer } from '../server/create-yoga-server.js';
import { createGraphqlRequestHandler } from '../server/fast-path/create-graphql-request-handler.js';
import { guardCoreResolvers } from '../server/guard-core-resolvers.js';
import { createPlatformMetrics, instrumentStore, recordRateLimited, useGraphqlMetrics } from '../server/metrics/index.js';
import { createChangeResolvers } from '../server/resolvers/change-resolvers.js';
import { createCoreResolvers } from '../server/resolvers/core-resolvers.js';
import { createModuleOperationResolvers } from '../server/resolvers/module-operation-resolvers.js';
import { createSubscriptionGuard } from '../server/use-subscription-guard.js';
import { openStore } from '../store/open-store.js';
import type { DocumentStore } from '../store/types.js';
import { createModuleServices } from './create-module-services.js';
import { DEV_REGISTRY_PREFIX } from './dev-registry.js';
import { isStoreAnswering } from './is-store-answering.js';
import { close, listen } from './listen.js';
import { mergeResolvers } from './merge-resolvers.js';
import { DEFAULT_BUNDLED_DIR } from './paths.js';
import { createPermissionCatalog } from './permission-catalog.js';
import { wireMetrics } from './platform-metrics-wiring.js';
import { loadInstallationId } from './settings-repository.js';
import { throttleStore } from './throttle-store.js';

export interface PlatformOptions {
  logger?: Logger;
  /** Built bundled modules; default `build/bundled`. */
  bundledDir?: string;
  /** Record field usage per request (default true); `npm run bench` turns it off to measure its cost. */
  fieldUsage?: boolean;
}

export interface StartedPlatform {
  url: string;
  graphqlUrl: string;
  installationId: string;
  /** Set on a first start: the bootstrap admin (with the generated password, if any). */
  bootstrap: BootstrapResult | null;
  store: DocumentStore;
  /** The plugin runtime (modules list, enable/disable). */
  modules: ModuleRuntime;
  /** Runs the automatic update check now (it also runs every REGISTRY_TTL_SECONDS). */
  checkForUpdates(): Promise<UpdateCheckResult[]>;
}

export interface Platform {
  readonly config: Config;
  readonly logger: Logger;
  start(): Promise<StartedPlatform>;
  /**
   * Stops accepting, ends subscription streams with a last SHUTTING_DOWN event, lets in-flight
   * requests (and the module operations they run) finish for up to SHUTDOWN_TIMEOUT_SECONDS,
   * disables modules, closes the store, flushes the log.
   */
  stop(): Promise<void>;
}

const GRAPHQL_ENDPOINT = '/graphql';

/** Assembles the platform: config → store → modules → auth → installer → resolvers → HTTP. Nothing runs until `start()`. */
export function createPlatform(config: Config, options: PlatformOptions = {}): Platform {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const bundledDir = options.bundledDir ?? DEFAULT_BUNDLED_DIR;
  const stoppers: Array<() => Promise<void>> = [];
  let ready = false;
  let subscriptions: ReturnType<typeof createSubscriptionGuard> | null = null;

  async function start(): Promise<StartedPlatform> {
    const startedAt = new Date();
    const metrics = config.metrics === 'off' ? null : createPlatformMetrics();
    const openedStore = await openStore({ dataDir: config.dataDir, mongodbUrl: config.mongodbUrl, mongodbDb: config.mongodbDb });
    stoppers.unshift(() => openedStore.close());
    const store = metrics ? instrumentStore(openedStore, metrics.storeDuration) : openedStore;
    const installationId = await loadInstallationId(store);
    // In dependency order, nothing bound later: modules (runtime) → access control → installer →
    // resolvers → start → HTTP. Only the development registry's client waits for the server's URL.
    const moduleServices = await createModuleServices({
      config,
      store,
      logger,
      installationId,
      bundledDir,
      coreTypeDefs: readCoreTypeDefs(),
    });
    const { runtime: modules, registry } = moduleServices;
    stoppers.unshift(() => moduleServices.stop());
    const catalog = createPermissionCatalog(modules);
    const { auth, management } = await createAccessControl({
      store,
      tokenSecret: await loadOrCreateSecret(config.dataDir, 'token.key'),
      tokenTtlSeconds: config.tokenTtlSeconds,
      installationId,
      catalog,
      livePermissions: catalog.live,
      audit: createAuditLogRepository(store),
      throttle: createLoginThrottle(config.loginThrottle, await throttleStore(config, stoppers), recordRateLimited),
    });
    // An uninstalled module's permissions leave roles and grants: a reinstall starts with none.
    const { installer, changes } = await moduleServices.createInstaller({
      onModuleRemoved: (_name, permissions) => management.forgetPermissions(permissions),
    });
    const resolvers = guardCoreResolvers(
      mergeResolvers(
        createCoreResolvers(auth, management, {
          version: PLATFORM_VERSION,
          installationId,
          startedAt,
          schemaVersion: () => modules.schemaVersion(),
        }),
        createModuleOperationResolvers({ ...moduleServices, installer }),
        createChangeResolvers(() => changes),
      ),
    );
    const schemaHolder = await moduleServices.start(resolvers, installer);
    const devRegistry = registry.devRegistry;

    const { http } = config;
    subscriptions = createSubscriptionGuard({
      auth,
      maxSubscriptions: http.maxSubscriptions,
      maxSubscriptionsPerUser: http.maxSubscriptionsPerUser,
      recheckEveryMs: http.subscriptionRecheckMs,
      onRefused: recordRateLimited,
    });
    const openSubscriptions = subscriptions;
    const metricsWiring = metrics
      ? await wireMetrics(config, metrics, moduleServices.events, {
          schemaVersion: () => schemaHolder.current().version,
          openSubscriptions: () => openSubscriptions.open(),
        })
      : null;
    if (metricsWiring) stoppers.unshift(() => metricsWiring.dispose());
    const yoga = createYogaServer({
      schemaHolder,
      auth,
      logger,
      graphqlEndpoint: GRAPHQL_ENDPOINT,
      exposure: config.graphql,
      // Ready: started, not stopping, the store answers and a schema is live.
      isReady: async () => ready && (await isStoreAnswering(store)) && schemaHolder.current().schema !== undefined,
      plugins: [
        subscriptions.plugin,
        ...(metrics ? [useGraphqlMetrics(metrics)] : []),
        ...(options.fieldUsage === false ? [] : [useFieldUsage(moduleServices.safeChanges.recorder)]),
      ],
    });
    const server = createHttpServer({
      graphql: createGraphqlRequestHandler(yoga, {
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        logger,
        plainJsonPath: config.graphql.fastPath,
      }),
      graphqlEndpoint: GRAPHQL_ENDPOINT,
      routes: [
        { prefix: '/admin', handler: createAdminRequestHandler() },
        ...(devRegistry ? [{ prefix: DEV_REGISTRY_PREFIX, handler: devRegistry.handler }] : []),
        ...(metricsWiring ? [metricsWiring.route] : []),
      ],
      limits: { maxBodyBytes: config.limits.maxBodyBytes, ...http },
    });
    const url = await listen(server, config.port, config.host);
    // Runs after the server stopped taking requests: operations nobody's request waits for (the
    // license check, the update scheduler) finish too before the modules and the store close.
    stoppers.unshift(async () => {
      if (!(await moduleServices.operationsSettled(config.shutdownTimeoutMs))) {
        logger.warn('shutdown: a module operation was still running after SHUTDOWN_TIMEOUT_SECONDS');
      }
    });
    stoppers.unshift(() => close(server, config.shutdownTimeoutMs));
    await registry.attachDevRegistry(url);
    // Only now, with the server listening: a start that fails earlier creates no admin whose
    // generated password nobody saw (and a never-used one gets a new password on each start).
    const bootstrap = await bootstrapAdmin(auth, { email: config.adminEmail, password: config.adminPassword });
    ready = true;
    logger.info({ url: `${url}${GRAPHQL_ENDPOINT}`, store: store.kind, installationId }, 'A64 Platform is serving');
    const checkForUpdates = async () => (await moduleServices.safeChanges.scheduler?.runNow()) ?? [];
    return { url, graphqlUrl: `${url}${GRAPHQL_ENDPOINT}`, installationId, bootstrap, store, modules, checkForUpdates };
  }

  async function stop(): Promise<void> {
    ready = false;
    subscriptions?.closeAll();
    for (const stopper of stoppers.splice(0)) await stopper();
    logger.flush?.();
  }

  return { config, logger, start, stop };
}
