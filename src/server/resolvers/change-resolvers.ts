import { requireRole } from '../../auth/require-role.js';
import { platformError } from '../../errors/index.js';
import type {
  ChangePlanner,
  FieldUsageEntry,
  FieldUsageRecorder,
  PlanAction,
  UpdatePolicy,
  UpdateStateRepository,
} from '../../plugins/changes/index.js';
import { definedCoordinates, updateAvailable } from '../../plugins/changes/index.js';
import type { ModuleInfo, ModuleRuntime } from '../../plugins/runtime/index.js';
import type { PlatformContext } from '../context.js';

type Context = Pick<PlatformContext, 'user' | 'actor' | 'authError'>;

export interface ChangeResolverDeps {
  runtime: ModuleRuntime;
  planner: ChangePlanner;
  recorder: FieldUsageRecorder;
  updates: UpdateStateRepository;
  setPolicy(name: string, policy: UpdatePolicy, pin: string | null, actor: string): Promise<ModuleInfo>;
  rollback(name: string, discardNewData: boolean, actor: string): Promise<ModuleInfo>;
  /** Brings the registry view up to date (cached for REGISTRY_TTL_SECONDS). */
  refreshCatalog(): Promise<void>;
}

async function coordinatesOf(runtime: ModuleRuntime, name: string): Promise<Set<string>> {
  const live = runtime.planning.live().find((m) => m.name === name);
  if (live) return definedCoordinates(live.document);
  if (!runtime.get(name)?.installed) {
    throw platformError('MODULE_NOT_FOUND', `No installed module is named "${name}"; check the name with the modules query.`, {
      details: { module: name },
    });
  }
  return definedCoordinates((await runtime.planning.prepareInstalled(name)).document);
}

const byCount = (a: FieldUsageEntry, b: FieldUsageEntry) => b.count - a.count || a.coordinate.localeCompare(b.coordinate);

/**
 * Resolvers of `schema/safe-changes.graphql`: change plans and policies (SUPER_ADMIN), field
 * usage (ADMIN+), and the `Module` fields about updates (whoever may see the module).
 */
export function createChangeResolvers(deps: () => ChangeResolverDeps) {
  const superAdmin = (context: Context) => requireRole(context, 'SUPER_ADMIN').email;
  return {
    Query: {
      async moduleChangePlan(_parent: unknown, args: { name: string; action: PlanAction; version?: string | null }, context: Context) {
        superAdmin(context);
        return deps().planner.plan(args.name, args.action, args.version ?? null);
      },
      async fieldUsage(_parent: unknown, args: { module?: string | null }, context: Context) {
        requireRole(context, 'ADMIN', 'SUPER_ADMIN');
        const { recorder, runtime } = deps();
        const usage = [...(await recorder.usage()).values()];
        if (!args.module) return usage.sort(byCount);
        const own = await coordinatesOf(runtime, args.module);
        return usage.filter((entry) => own.has(entry.coordinate)).sort(byCount);
      },
    },
    Mutation: {
      setModuleUpdatePolicy: (_parent: unknown, args: { name: string; policy: UpdatePolicy; pin?: string | null }, context: Context) =>
        deps().setPolicy(args.name, args.policy, args.pin ?? null, superAdmin(context)),
      rollbackModule: (_parent: unknown, args: { name: string; discardNewData?: boolean | null }, context: Context) =>
        deps().rollback(args.name, args.discardNewData ?? false, superAdmin(context)),
    },
    Module: {
      updateAvailable: (module: ModuleInfo) =>
        updateAvailable(module.version, module.availableVersions, deps().updates.cached(module.name).pin),
      updatePolicy: (module: ModuleInfo) => deps().updates.cached(module.name).policy,
      updatePin: (module: ModuleInfo) => deps().updates.cached(module.name).pin,
      updateBlocked: (module: ModuleInfo) => deps().updates.cached(module.name).blocked,
      previousVersion: (module: ModuleInfo) => deps().updates.cached(module.name).previousVersion,
    },
  };
}
