import path from 'node:path';
import { loadOrCreateSecret } from '../auth/index.js';
import { type Config, ConfigError, PLATFORM_VERSION } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import { createAuditLogRepository } from '../plugins/audit/index.js';
import { createOperationResolvers, type OperationResolverDeps } from '../plugins/graphql/operation-resolvers.js';
import { createCatalogView } from '../plugins/installer/catalog-view.js';
import { createModuleInstaller, type InstallerDeps, recoverInterruptedOperations } from '../plugins/installer/index.js';
import { createLicenseCipher } from '../plugins/licenses/index.js';
import { createModuleEventBus } from '../plugins/operations/module-event-bus.js';
import { createOperationJournal } from '../plugins/operations/operation-journal.js';
import { createOperationLock } from '../plugins/operations/operation-lock.js';
import { createRegistryClient, createRegistryStateRepo, keyId, type PublicJwk, type RegistryClient } from '../plugins/registry/index.js';
import { createModuleRuntime, type ModuleRuntime } from '../plugins/runtime/index.js';
import type { SchemaHolder } from '../server/schema-holder.js';
import type { DocumentStore } from '../store/types.js';
import { DEV_REGISTRY_PREFIX, type DevRegistry, loadDevRegistry } from './dev-registry.js';

export interface ModuleServicesOptions {
  config: Config;
  store: DocumentStore;
  logger: Logger;
  installationId: string;
  bundledDir: string;
  core: { typeDefs: readonly string[]; resolvers: Record<string, unknown> };
  /** See ModuleRuntimeOptions.onModuleRemoved. */
  onModuleRemoved?: (name: string, permissions: readonly string[]) => Promise<void>;
}

export interface ModuleServices {
  runtime: ModuleRuntime;
  schemaHolder: SchemaHolder;
  /** The development registry to serve at /dev-registry (only without REGISTRY_URL). */
  devRegistry: DevRegistry | null;
  /** Points the registry client at the in-process dev registry once the server has its URL. */
  attachDevRegistry(baseUrl: string): Promise<void>;
  stop(): Promise<void>;
}

const LICENSE_CHECK_INTERVAL_MS = 60 * 60_000;

function mergeResolvers(core: Record<string, unknown>, modules: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...core };
  for (const [type, fields] of Object.entries(modules)) merged[type] = { ...(core[type] as object), ...(fields as object) };
  return merged;
}

async function createRegistry(options: ModuleServicesOptions, url: string, publicKey: PublicJwk): Promise<RegistryClient> {
  const state = createRegistryStateRepo(options.store, await keyId(publicKey));
  return createRegistryClient({ url, publicKey, ttlSeconds: options.config.registryTtlSeconds, state });
}

/**
 * Everything about modules, assembled: crash recovery, registry client, licenses, installer,
 * runtime (with the module resolvers), live progress and periodic license checks.
 */
export async function startModuleServices(options: ModuleServicesOptions): Promise<ModuleServices> {
  const { config, store, logger } = options;
  if (config.registryUrl && !config.registryPublicKey) {
    throw new ConfigError('Invalid environment:\n  REGISTRY_PUBLIC_KEY: required with REGISTRY_URL (the key its catalog is signed with)');
  }
  const installedDir = path.join(config.dataDir, 'modules');
  const stagingRoot = path.join(config.dataDir, 'staging');
  const journal = createOperationJournal(store);
  await recoverInterruptedOperations({ store, journal, logger, installedDir, stagingRoot, ownsAllOperations: store.kind === 'embedded' });

  const devRegistry = config.registryUrl ? null : loadDevRegistry();
  let registry =
    config.registryUrl && config.registryPublicKey ? await createRegistry(options, config.registryUrl, config.registryPublicKey) : null;
  const catalog = createCatalogView(() => registry, logger);
  const audit = createAuditLogRepository(store);
  const lock = createOperationLock(store);
  const events = createModuleEventBus();
  // Development only: the demo registry's key also signs demo licenses (see README).
  const licensePublicKey = config.licensePublicKey ?? devRegistry?.publicKey;
  const cipher = createLicenseCipher(await loadOrCreateSecret(config.dataDir, 'license.key'));

  let installerDeps: InstallerDeps | null = null;
  let resolverDeps: OperationResolverDeps | null = null;
  const runtime = createModuleRuntime({
    config,
    store,
    logger,
    core: {
      typeDefs: options.core.typeDefs,
      resolvers: mergeResolvers(
        options.core.resolvers,
        createOperationResolvers(() => resolverDeps!),
      ),
    },
    bundledDir: options.bundledDir,
    installedDir,
    registryModules: () => catalog.modules(),
    describeLicense: (module) => installer.licenses.describe(module),
    onModuleRemoved: options.onModuleRemoved,
  });
  installerDeps = {
    config: { ...config, licensePublicKey },
    store,
    logger,
    runtime,
    registry,
    lock,
    journal,
    events,
    audit,
    cipher,
    installationId: options.installationId,
    platformVersion: PLATFORM_VERSION,
    stagingRoot,
    pauseAtStep: config.testPauseAtStep,
    installedDir,
    saveLicense: (name, sealed) => runtime.saveLicense(name, sealed),
    storedLicense: async (name) => runtime.storedLicense(name),
  };
  const installer = createModuleInstaller(installerDeps);
  resolverDeps = { runtime, installer, events, audit, refreshCatalog: () => catalog.refresh() };

  await audit.ensureIndexes();
  const schemaHolder = await runtime.start();
  await installer.licenses.enforce().catch((error: unknown) => logger.warn({ err: error }, 'license check failed'));
  const licenseTimer = setInterval(() => {
    void installer.licenses.enforce().catch((error: unknown) => logger.warn({ err: error }, 'license check failed'));
  }, LICENSE_CHECK_INTERVAL_MS);
  licenseTimer.unref();

  return {
    runtime,
    schemaHolder,
    devRegistry,
    async attachDevRegistry(baseUrl) {
      if (!devRegistry || registry) return;
      registry = await createRegistry(options, `${baseUrl}${DEV_REGISTRY_PREFIX}`, devRegistry.publicKey);
      installerDeps.registry = registry;
      logger.warn(
        { registry: `${baseUrl}${DEV_REGISTRY_PREFIX}` },
        'using the DEVELOPMENT module registry (build/registry, development key): never use it in production; set REGISTRY_URL and REGISTRY_PUBLIC_KEY',
      );
    },
    async stop() {
      clearInterval(licenseTimer);
      await runtime.stop();
    },
  };
}
