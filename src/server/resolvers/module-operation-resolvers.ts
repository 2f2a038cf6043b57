import { requireRole, requireUser } from '../../auth/require-role.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { AuditLogRepository } from '../../plugins/audit/index.js';
import type { ModuleInstaller } from '../../plugins/installer/index.js';
import type { ModuleEventBus } from '../../plugins/operations/module-event-bus.js';
import type { ModuleEvent } from '../../plugins/operations/types.js';
import type { ModuleRuntime } from '../../plugins/runtime/index.js';
import type { PlatformContext } from '../context.js';
import { moduleFieldResolvers } from './module-field-resolvers.js';

export interface ModuleOperationResolverDeps {
  runtime: ModuleRuntime;
  installer: ModuleInstaller;
  events: ModuleEventBus;
  audit: AuditLogRepository;
  /** Brings the registry view up to date (cached for REGISTRY_TTL_SECONDS, or now with `fresh`) before listing. */
  refreshCatalog(options?: { fresh?: boolean }): Promise<void>;
}

const MAX_AUDIT_PAGE = 200;

/**
 * Every resolver of `schema/modules.graphql`: listing (with registry modules), the module
 * operations (installer: each in the one operation frame — lock, journal, events, audit), the
 * audit log and live progress; `Module.installedBy` for ADMIN+ only. Typed from the SDL (codegen `Resolvers`).
 */
export function createModuleOperationResolvers(
  deps: ModuleOperationResolverDeps,
): Pick<Resolvers, 'Module' | 'Query' | 'Mutation' | 'Subscription'> {
  const superAdmin = (context: PlatformContext) => requireRole(context, 'SUPER_ADMIN').email;
  return {
    Module: moduleFieldResolvers,
    Query: {
      async modules(_parent, args, context) {
        // A forced fetch costs a registry round trip: only for those who manage modules.
        if (args.refresh) requireRole(context, 'ADMIN', 'SUPER_ADMIN');
        else requireUser(context);
        await deps.refreshCatalog({ fresh: args.refresh === true });
        return deps.runtime.list();
      },
      async module(_parent, args, context) {
        requireUser(context);
        await deps.refreshCatalog();
        return deps.runtime.get(args.name);
      },
      async auditLog(_parent, args, context) {
        superAdmin(context);
        const limit = Math.max(1, Math.min(args.limit ?? 50, MAX_AUDIT_PAGE));
        const beforeSeq = args.after ? Number.parseInt(args.after, 10) : Number.NaN;
        const page = await deps.audit.list({
          limit: limit + 1,
          module: args.module ?? undefined,
          beforeSeq: Number.isFinite(beforeSeq) ? beforeSeq : undefined,
        });
        const entries = page.slice(0, limit).map((entry) => ({ ...entry, id: entry._id }));
        return { entries, nextCursor: page.length > limit ? String(entries.at(-1)?.seq) : null };
      },
    },
    Mutation: {
      enableModule: (_parent, args, context) => deps.installer.enable(args.name, superAdmin(context)),
      disableModule: (_parent, args, context) => deps.installer.disable(args.name, superAdmin(context)),
      installModule: (_parent, args, context) => deps.installer.install(args.input, superAdmin(context)),
      upgradeModule: (_parent, args, context) => deps.installer.upgrade(args, superAdmin(context)),
      uninstallModule: (_parent, args, context) => deps.installer.uninstall(args.name, args.dropData ?? false, superAdmin(context)),
      setModuleLicense: (_parent, args, context) => deps.installer.setLicense(args.name, args.licenseKey, superAdmin(context)),
    },
    Subscription: {
      moduleEvents: {
        subscribe: (_parent, _args, context) => {
          superAdmin(context);
          return deps.events.subscribe();
        },
        resolve: (event: ModuleEvent) => event,
      },
    },
  };
}
