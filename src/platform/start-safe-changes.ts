import type { Config } from '../config/index.js';
import { PLATFORM_VERSION } from '../config/index.js';
import { platformError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import type { AuditLogRepository } from '../plugins/audit/index.js';
import {
  type ChangePlanner,
  createChangePlanner,
  createFieldUsageRecorder,
  createFieldUsageRepository,
  createUpdateStateRepository,
  type FieldUsageRecorder,
  setUpdatePolicy,
  type UpdateStateRepository,
} from '../plugins/changes/index.js';
import type { ChangeResolverDeps } from '../plugins/graphql/change-resolvers.js';
import type { InstallerDeps } from '../plugins/installer/index.js';
import { prepareRelease } from '../plugins/installer/prepare-release.js';
import type { ModuleRuntime } from '../plugins/runtime/index.js';
import type { DocumentStore } from '../store/types.js';

export interface SafeChangesOptions {
  config: Pick<Config, 'usage' | 'registryTtlSeconds'>;
  store: DocumentStore;
  logger: Logger;
  audit: AuditLogRepository;
}

export interface SafeChanges {
  recorder: FieldUsageRecorder;
  updates: UpdateStateRepository;
  /** Set by `attach` once the runtime and installer exist. */
  planner: ChangePlanner | null;
  /** Wires the planner and the resolvers' dependencies; starts the usage flush timer. */
  attach(runtime: ModuleRuntime, installer: InstallerDeps, refreshCatalog: () => Promise<void>): Promise<ChangeResolverDeps>;
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
    async attach(runtime, installer, refreshCatalog) {
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
        prepareRelease: (name, version) => prepareRelease(installer, name, version),
        usage: () => recorder.usage(),
      });
      safe.planner = planner;
      stoppers.push(recorder.start(config.usage.flushSeconds * 1000));
      return {
        runtime,
        planner,
        recorder,
        updates,
        refreshCatalog,
        setPolicy: (name, policy, pin, actor) => setUpdatePolicy({ runtime, updates, audit }, name, policy, pin, actor),
        rollback: async (name) => {
          throw platformError('BAD_USER_INPUT', `${name} has no previous version kept to roll back to.`, { details: { module: name } });
        },
      };
    },
    async stop() {
      for (const stop of stoppers.splice(0)) await stop();
    },
  };
  return safe;
}
