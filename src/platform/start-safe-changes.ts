import path from 'node:path';
import type { Config } from '../config/index.js';
import { PLATFORM_VERSION } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import type { AuditLogRepository } from '../plugins/audit/index.js';
import {
  type ChangePlanner,
  createChangePlanner,
  createFieldUsageRecorder,
  createFieldUsageRepository,
  createUpdateScheduler,
  createUpdateStateRepository,
  type FieldUsageRecorder,
  setUpdatePolicy,
  type UpdateScheduler,
  type UpdateStateRepository,
} from '../plugins/changes/index.js';
import type { InstallerDeps, ModuleInstaller } from '../plugins/installer/index.js';
import { prepareRelease } from '../plugins/installer/prepare-release.js';
import { rollbackModule } from '../plugins/installer/rollback-module.js';
import { createUpgradeSafety } from '../plugins/installer/upgrade-safety.js';
import type { ModuleRuntime } from '../plugins/runtime/index.js';
import type { ChangeResolverDeps } from '../server/resolvers/change-resolvers.js';
import type { DocumentStore } from '../store/types.js';

export interface SafeChangesOptions {
  config: Pick<Config, 'usage' | 'registryTtlSeconds' | 'dataDir'>;
  store: DocumentStore;
  logger: Logger;
  audit: AuditLogRepository;
}

export interface SafeChanges {
  recorder: FieldUsageRecorder;
  updates: UpdateStateRepository;
  /** Set by `attach` once the runtime and installer exist. */
  planner: ChangePlanner | null;
  /** Set by `attach`: runs the automatic update check now (tests, and the TTL timer). */
  scheduler: UpdateScheduler | null;
  /** The upgrade guard and rollback bookkeeping; put into the installer's dependencies. */
  safety: ReturnType<typeof createUpgradeSafety>;
  /**
   * Wires the planner, the update scheduler (every REGISTRY_TTL_SECONDS) and the resolvers'
   * dependencies; starts the usage flush timer.
   */
  attach(
    runtime: ModuleRuntime,
    installerDeps: InstallerDeps,
    installer: ModuleInstaller,
    refreshCatalog: () => Promise<void>,
  ): Promise<ChangeResolverDeps>;
  /** Stops the timers and writes the pending usage. */
  stop(): Promise<void>;
}

/**
 * Field usage, change plans and update policies, assembled. The recorder exists from the start
 * (the yoga plugin needs it before the runtime does); the rest is attached to the runtime.
 */
export function createSafeChanges(options: SafeChangesOptions): SafeChanges {
  const { config, store, logger, audit } = options;
  const recorder = createFieldUsageRecorder({
    repository: createFieldUsageRepository(store),
    retentionDays: config.usage.retentionDays,
    logger,
  });
  const updates = createUpdateStateRepository(store);
  const stoppers: Array<() => Promise<void>> = [];
  const safe: SafeChanges = {
    recorder,
    updates,
    planner: null,
    scheduler: null,
    safety: createUpgradeSafety({
      planner: () => safe.planner,
      updates,
      store,
      retentionDays: config.usage.retentionDays,
      rollbackRoot: path.join(config.dataDir, 'rollback'),
      installedDir: path.join(config.dataDir, 'modules'),
    }),
    async attach(runtime, installerDeps, installer, refreshCatalog) {
      await updates.load();
      const planner = createChangePlanner({
        coreDocument: runtime.planning.coreDocument(),
        platformVersion: PLATFORM_VERSION,
        liveSchema: () => runtime.schema(),
        live: () => runtime.planning.live(),
        installed(name) {
          const info = runtime.get(name);
          if (!info?.installed || !info.version) return null;
          return {
            version: info.version,
            permissions: info.permissions,
            collections: info.collections,
            licenseRequired: info.licenseRequired,
          };
        },
        prepareInstalled: (name) => runtime.planning.prepareInstalled(name),
        prepareRelease: (name, version) => prepareRelease(installerDeps, name, version),
        usage: () => recorder.usage(),
      });
      safe.planner = planner;
      stoppers.push(recorder.start(config.usage.flushSeconds * 1000));
      const scheduler = createUpdateScheduler(
        {
          module: (name) => runtime.get(name),
          updates,
          planner,
          async offered() {
            const registry = installerDeps.registry.current();
            if (!registry) return new Map();
            const catalog = await registry.getCatalog({ fresh: true });
            return new Map(catalog.modules.map((m) => [m.name, m.versions.map((v) => v.version)]));
          },
          upgrade: (name, version) => installer.upgrade({ name, version }, 'system'),
          audit,
          logger,
        },
        config.registryTtlSeconds * 1000,
      );
      safe.scheduler = scheduler;
      stoppers.unshift(() => scheduler.stop());
      return {
        runtime,
        planner,
        recorder,
        updates,
        refreshCatalog,
        setPolicy: (name, policy, pin, actor) => setUpdatePolicy({ runtime, updates, audit }, name, policy, pin, actor),
        rollback: (name, discardNewData, actor) =>
          rollbackModule({ ...installerDeps, safety: safe.safety, updates }, name, discardNewData, actor),
      };
    },
    async stop() {
      for (const stop of stoppers.splice(0)) await stop();
    },
  };
  return safe;
}
