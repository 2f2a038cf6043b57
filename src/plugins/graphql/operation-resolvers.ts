import { randomUUID } from 'node:crypto';
import { requireRole, requireUser } from '../../auth/require-role.js';
import { isPlatformError } from '../../errors/index.js';
import type { PlatformContext } from '../../server/context.js';
import type { AuditLogRepository } from '../audit/index.js';
import type { ModuleInstaller } from '../installer/index.js';
import type { ModuleEventBus } from '../operations/module-event-bus.js';
import type { OperationLock } from '../operations/operation-lock.js';
import type { ModuleInfo, ModuleRuntime } from '../runtime/index.js';
import { moduleFieldResolvers } from './module-field-resolvers.js';

type Context = Pick<PlatformContext, 'user' | 'actor' | 'authError'>;

export interface OperationResolverDeps {
  runtime: ModuleRuntime;
  installer: ModuleInstaller;
  events: ModuleEventBus;
  audit: AuditLogRepository;
  lock: OperationLock;
  /** Brings the registry view up to date (cached for REGISTRY_TTL_SECONDS, or now with `fresh`) before listing. */
  refreshCatalog(options?: { fresh?: boolean }): Promise<void>;
}

const MAX_AUDIT_PAGE = 200;

/**
 * Every resolver of `schema/modules.graphql`: listing (with registry modules), enable/disable
 * (runtime, under the cross-instance module lock), install/upgrade/uninstall/license (installer),
 * the audit log and live progress; `Module.installedBy` for ADMIN+ only. `deps` is read when a resolver runs, so the resolvers can be
 * handed to the runtime before the runtime itself exists.
 */
export function createOperationResolvers(deps: () => OperationResolverDeps) {
  const superAdmin = (context: Context) => requireRole(context, 'SUPER_ADMIN').email;

  async function toggle(kind: 'ENABLE' | 'DISABLE', name: string, actor: string): Promise<ModuleInfo> {
    const { runtime, lock, events, audit } = deps();
    const operationId = randomUUID();
    let lease: Awaited<ReturnType<OperationLock['acquire']>>;
    try {
      lease = await lock.acquire(name, operationId, kind);
    } catch (error) {
      // Refused before it began (another operation holds the module): audited like every refusal.
      const code = isPlatformError(error) ? error.code : 'INTERNAL';
      await audit
        .append({
          actor,
          action: `module.${kind.toLowerCase()}`,
          module: name,
          outcome: `FAILED:${code}`,
          details: { message: (error as Error).message },
        })
        .catch(() => {});
      throw error;
    }
    const publish = (status: 'RUNNING' | 'SUCCEEDED' | 'FAILED', step: 'QUEUED' | 'ACTIVATE' | 'DONE', message: string, code?: string) =>
      events.publish({ operationId, module: name, kind, step, status, message, code });
    try {
      publish('RUNNING', 'ACTIVATE', `${kind.toLowerCase()} ${name}`);
      const info = kind === 'ENABLE' ? await runtime.enable(name, { actor }) : await runtime.disable(name, { actor });
      publish('SUCCEEDED', 'DONE', `${name} is ${info.state.toLowerCase()}`);
      return info;
    } catch (error) {
      publish('FAILED', 'ACTIVATE', (error as Error).message, isPlatformError(error) ? error.code : 'INTERNAL');
      throw error;
    } finally {
      await lease.release();
    }
  }

  return {
    Module: moduleFieldResolvers,
    Query: {
      async modules(_parent: unknown, args: { refresh?: boolean | null }, context: Context) {
        // A forced fetch costs a registry round trip: only for those who manage modules.
        if (args.refresh) requireRole(context, 'ADMIN', 'SUPER_ADMIN');
        else requireUser(context);
        await deps().refreshCatalog({ fresh: args.refresh === true });
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
      enableModule: (_parent: unknown, args: { name: string }, context: Context) => toggle('ENABLE', args.name, superAdmin(context)),
      disableModule: (_parent: unknown, args: { name: string }, context: Context) => toggle('DISABLE', args.name, superAdmin(context)),
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
