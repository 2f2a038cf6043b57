import path from 'node:path';
import { loadOrCreateSecret } from '../auth/index.js';
import { type Config, PLATFORM_VERSION } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import { createAuditLogRepository } from '../plugins/audit/index.js';
import type { SchemaHolder } from '../plugins/composer/index.js';
import { createCatalogView } from '../plugins/installer/catalog-view.js';
import {
  createModuleInstaller,
  type InstallerDeps,
  type ModuleInstaller,
  recoverInterruptedOperations,
} from '../plugins/installer/index.js';
import { createLicenseStatuses } from '../plugins/installer/license-statuses.js';
import { createLicenseCipher } from '../plugins/licenses/index.js';
import { createModuleEventBus, type ModuleEventBus } from '../plugins/operations/module-event-bus.js';
import { createOperationJournal } from '../plugins/operations/operation-journal.js';
import { createOperationLock } from '../plugins/operations/operation-lock.js';
import { createOperationsInFlight } from '../plugins/operations/operations-in-flight.js';
import { createModuleRuntime, type ModuleRuntime } from '../plugins/runtime/index.js';
import type { ChangeResolverDeps } from '../server/resolvers/change-resolvers.js';
import type { DocumentStore } from '../store/types.js';
import { createRegistrySource, type PlatformRegistrySource } from './create-registry-source.js';
import { createSafeChanges, type SafeChanges } from './start-safe-changes.js';

export interface ModuleServicesOptions {
  config: Config;
  store: DocumentStore;
  logger: Logger;
  installationId: string;
  bundledDir: string;
  coreTypeDefs: readonly string[];
}

export interface ModuleServices {
  runtime: ModuleRuntime;
  registry: PlatformRegistrySource;
  events: ModuleEventBus;
  audit: ReturnType<typeof createAuditLogRepository>;
  /** Field usage (for the yoga plugin), change plans and update policies. */
  safeChanges: SafeChanges;
  /** Brings the registry view up to date (cached for REGISTRY_TTL_SECONDS, or now with `fresh`). */
  refreshCatalog(options?: { fresh?: boolean }): Promise<void>;
  /**
   * The installer over this runtime, with what it must tell access control after an uninstall,
   * and safe changes attached to both (what its resolvers need).
   */
  createInstaller(hooks: {
    onModuleRemoved(name: string, permissions: readonly string[]): Promise<void>;
  }): Promise<{ installer: ModuleInstaller; changes: ChangeResolverDeps }>;
  /**
   * Recovers interrupted operations, starts the runtime with the server's resolvers, then checks
   * licenses (at once and hourly). Returns the holder of the live schema.
   */
  start(coreResolvers: object, installer: ModuleInstaller): Promise<SchemaHolder>;
  /** Waits (at most `timeoutMs`) for the module operations running in this process; false on timeout. */
  operationsSettled(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

const LICENSE_CHECK_INTERVAL_MS = 60 * 60_000;

/**
 * Everything about modules, built in dependency order with nothing bound later: registry, license
 * statuses, the runtime; the installer once access control exists (createInstaller); started with
 * the resolvers that need both (start).
 */
export async function createModuleServices(options: ModuleServicesOptions): Promise<ModuleServices> {
  const { config, store, logger } = options;
  const installedDir = path.join(config.dataDir, 'modules');
  const stagingRoot = path.join(config.dataDir, 'staging');
  const registry = await createRegistrySource(config, store, logger);
  const catalog = createCatalogView(registry.current, logger);
  const licenseStatuses = createLicenseStatuses();
  const runtime = createModuleRuntime({
    config,
    store,
    logger,
    core: { typeDefs: options.coreTypeDefs },
    bundledDir: options.bundledDir,
    installedDir,
    registryModules: () => catalog.modules(),
    describeLicense: (module) => licenseStatuses.describe(module),
  });
  const journal = createOperationJournal(store);
  const inFlight = createOperationsInFlight();
  const audit = createAuditLogRepository(store);
  const events = createModuleEventBus();
  // Development only: the demo registry's key also signs demo licenses (see README).
  const licensePublicKey = config.licensePublicKey ?? registry.devRegistry?.publicKey;
  const cipher = createLicenseCipher(await loadOrCreateSecret(config.dataDir, 'license.key'));
  const safeChanges = createSafeChanges({ config, store, logger, audit });
  let licenseTimer: NodeJS.Timeout | undefined;

  return {
    runtime,
    registry,
    events,
    audit,
    safeChanges,
    refreshCatalog: (refreshOptions) => catalog.refresh(refreshOptions),
    async createInstaller({ onModuleRemoved }) {
      const installerDeps = {
        config: { ...config, licensePublicKey },
        store,
        logger,
        runtime,
        registry,
        licenseStatuses,
        lock: createOperationLock(store),
        journal,
        events,
        audit,
        cipher,
        installationId: options.installationId,
        platformVersion: PLATFORM_VERSION,
        stagingRoot,
        pauseAtStep: config.testPauseAtStep,
        inFlight,
        installedDir,
        saveLicense: (name, sealed) => runtime.saveLicense(name, sealed),
        storedLicense: async (name) => runtime.storedLicense(name),
        onModuleRemoved,
        safety: safeChanges.safety,
      } satisfies InstallerDeps;
      const installer = createModuleInstaller(installerDeps);
      const changes = await safeChanges.attach(runtime, installerDeps, installer, () => catalog.refresh());
      return { installer, changes };
    },
    async start(coreResolvers, installer) {
      const ownsAllOperations = store.kind === 'embedded';
      await recoverInterruptedOperations({ store, journal, logger, installedDir, stagingRoot, ownsAllOperations });
      await audit.ensureIndexes();
      const schemaHolder = await runtime.start(coreResolvers);
      const enforce = () => installer.licenses.enforce().catch((error: unknown) => logger.warn({ err: error }, 'license check failed'));
      await enforce();
      licenseTimer = setInterval(() => void enforce(), LICENSE_CHECK_INTERVAL_MS);
      licenseTimer.unref();
      return schemaHolder;
    },
    operationsSettled: (timeoutMs) => inFlight.settled(timeoutMs),
    async stop() {
      clearInterval(licenseTimer);
      await safeChanges.stop();
      await runtime.stop();
    },
  };
}
