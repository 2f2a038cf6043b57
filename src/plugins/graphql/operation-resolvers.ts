import { requireRole, requireUser } from '../../auth/require-role.js';
import type { PlatformContext } from '../../server/context.js';
import type { AuditLogRepository } from '../audit/index.js';
import type { ModuleInstaller } from '../installer/index.js';
import type { ModuleEventBus } from '../operations/module-event-bus.js';
import type { ModuleRuntime } from '../runtime/index.js';

type Context = Pick<PlatformContext, 'user' | 'actor' | 'authError'>;

export interface OperationResolverDeps {
  runtime: ModuleRuntime;
  installer: ModuleInstaller;
  events: ModuleEventBus;
  audit: AuditLogRepository;
  /** Brings the registry view up to date (cached for REGISTRY_TTL_SECONDS) before listing. */
  refreshCatalog(): Promise<void>;
}

const MAX_AUDIT_PAGE = 200;

/**
 * Every resolver of `schema/modules.graphql`: listing (with registry modules), the module
 * operations (installer: each in the one operation frame — lock, journal, events, audit),
 * the audit log and live progress. `deps` is read when a resolver runs, so the resolvers can be
 * handed to the runtime before the runtime itself exists.
 */
export function createOperationResolvers(deps: () => OperationResolverDeps) {
  const superAdmin = (context: Context) => requireRole(context, 'SUPER_ADMIN').email;

  return {
    Query: {
      async modules(_parent: unknown, _args: unknown, context: Context) {
        requireUser(context);
        await deps().refreshCatalog();
        return deps().runtime.list();
      },
      async module(_parent: unknown, args: { name: string }, context: Context) {
        requireUser(context);
        await deps().refreshCatalog();
        return deps().runtime.get(args.name);
      },
      async auditLog(_parent: unknown, args: { limit?: number | null; after?: string | null; module?: string | null }, context: Context) {
        superAdmin(context);
        const limit = Math.max(1, Math.min(args.limit ?? 50, MAX_AUDIT_PAGE));
        const beforeSeq = args.after ? Number.parseInt(args.after, 10) : Number.NaN;
        const page = await deps().audit.list({
          limit: limit + 1,
          module: args.module ?? undefined,
          beforeSeq: Number.isFinite(beforeSeq) ? beforeSeq : undefined,
        });
        const entries = page.slice(0, limit).map((entry) => ({ ...entry, id: entry._id }));
        return { entries, nextCursor: page.length > limit ? String(entries.at(-1)?.seq) : null };
      },
    },
    Mutation: {
      enableModule: (_parent: unknown, args: { name: string }, context: Context) => deps().installer.enable(args.name, superAdmin(context)),
      disableModule: (_parent: unknown, args: { name: string }, context: Context) =>
        deps().installer.disable(args.name, superAdmin(context)),
      installModule: (
        _parent: unknown,
        args: { input: { name: string; version?: string | null; licenseKey?: string | null } },
        context: Context,
      ) => deps().installer.install(args.input, superAdmin(context)),
      upgradeModule: (_parent: unknown, args: { name: string; version?: string | null; licenseKey?: string | null }, context: Context) =>
        deps().installer.upgrade(args, superAdmin(context)),
      uninstallModule: (_parent: unknown, args: { name: string; dropData?: boolean | null }, context: Context) =>
        deps().installer.uninstall(args.name, args.dropData ?? false, superAdmin(context)),
      setModuleLicense: (_parent: unknown, args: { name: string; licenseKey: string }, context: Context) =>
        deps().installer.setLicense(args.name, args.licenseKey, superAdmin(context)),
    },
    Subscription: {
      moduleEvents: {
        subscribe: (_parent: unknown, _args: unknown, context: Context) => {
          superAdmin(context);
          return deps().events.subscribe();
        },
        resolve: (event: unknown) => event,
      },
    },
  };
}
