import type { DocumentNode, GraphQLSchema } from 'graphql';
import { platformError } from '../../errors/index.js';
import { dependencyStatuses, enabledDependents } from '../graph/index.js';
import type { Manifest } from '../manifest/index.js';
import type { ChangePlan, PlanAction } from './change-plan.js';
import { computeChangePlan, type PlanSide } from './compute-change-plan.js';
import type { FieldUsageEntry } from './field-usage-repository.js';

/** A module version whose code is imported and its SDL parsed, nothing run. */
export interface PlannedModule {
  name: string;
  version: string;
  manifest: Manifest;
  document: DocumentNode;
}

/** What the planner reads from the platform; the runtime and the installer provide it. */
export interface PlanSources {
  coreDocument: DocumentNode;
  platformVersion: string;
  liveSchema(): GraphQLSchema;
  /** Live modules in load order. */
  live(): readonly PlannedModule[];
  /** The installed (or bundled) version of `name`, or null when it is not installed. */
  installed(name: string): { version: string; permissions: string[]; collections: string[]; licenseRequired: boolean } | null;
  /** Prepares the installed files of `name` (for ENABLE). */
  prepareInstalled(name: string): Promise<PlannedModule>;
  /** Downloads, verifies, extracts and prepares a registry release into a temporary dir (for INSTALL/UPGRADE). */
  prepareRelease(name: string, version: string | null): Promise<PlannedModule & { licenseRequired: boolean }>;
  usage(): Promise<ReadonlyMap<string, FieldUsageEntry>>;
}

export interface ChangePlanner {
  /**
   * The plan of `action` on `name` (`version` for INSTALL/UPGRADE; latest when null). `candidate`
   * skips the download when the caller already staged the release (the upgrade guard).
   * Throws only when there is nothing to plan (MODULE_NOT_FOUND, NOT_INSTALLED, VERSION_NOT_FOUND).
   */
  plan(
    name: string,
    action: PlanAction,
    version?: string | null,
    candidate?: PlannedModule & { licenseRequired: boolean },
  ): Promise<ChangePlan>;
}

const side = (module: { version: string; manifest: Manifest }): PlanSide => ({
  version: module.version,
  permissions: module.manifest.permissions,
  collections: module.manifest.database_collections,
});

export function createChangePlanner(sources: PlanSources): ChangePlanner {
  function installedOrThrow(name: string) {
    const installed = sources.installed(name);
    if (!installed) throw platformError('NOT_INSTALLED', `${name} is not installed; plan INSTALL instead.`, { details: { module: name } });
    return installed;
  }

  function dependencies(manifest: Manifest, replacing: string) {
    const live = sources.live();
    return dependencyStatuses(manifest, sources.platformVersion, (dependency) => {
      const module = live.find((m) => m.name === dependency && m.name !== replacing);
      if (module) return { version: module.version, enabled: true };
      const other = sources.installed(dependency);
      return other ? { version: other.version, enabled: false } : undefined;
    });
  }

  return {
    async plan(name, action, version, candidate) {
      const live = sources.live();
      const others = live.filter((m) => m.name !== name);
      const current = live.find((m) => m.name === name);
      const usage = await sources.usage();
      const base = { module: name, action, liveSchema: sources.liveSchema(), coreDocument: sources.coreDocument, usage };
      if (action === 'DISABLE' || action === 'UNINSTALL') {
        const installed = installedOrThrow(name);
        const dependents = enabledDependents(name, others);
        return computeChangePlan({
          ...base,
          from: { version: installed.version, permissions: installed.permissions, collections: installed.collections },
          to: null,
          candidateModules: others,
          dependencies: [],
          licenseRequired: false,
          errors: dependents.length > 0 ? [`DEPENDENTS_ENABLED: ${dependents.join(', ')} depend on ${name}; disable them first.`] : [],
        });
      }
      const next =
        action === 'ENABLE'
          ? { ...(await sources.prepareInstalled(name)), licenseRequired: installedOrThrow(name).licenseRequired }
          : (candidate ?? (await sources.prepareRelease(name, version ?? null)));
      const installed = action === 'INSTALL' ? null : installedOrThrow(name);
      const statuses = dependencies(next.manifest, name);
      // The candidate keeps the live load order; a module going live goes last (after its dependencies).
      const candidateModules = current ? live.map((m) => (m.name === name ? next : m)) : [...others, next];
      return computeChangePlan({
        ...base,
        from: installed ? { version: installed.version, permissions: installed.permissions, collections: installed.collections } : null,
        to: side(next),
        candidateModules,
        dependencies: statuses.map(({ name: dependency, range, satisfied }) => ({ name: dependency, range, satisfied })),
        licenseRequired: next.licenseRequired,
        errors: statuses.filter((s) => !s.satisfied).map((s) => `DEPENDENCY_UNSATISFIED: ${s.problem}`),
      });
    },
  };
}
