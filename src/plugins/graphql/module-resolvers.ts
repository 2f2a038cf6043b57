import { requireRole, requireUser } from '../../auth/require-role.js';
import type { PlatformContext } from '../../server/context.js';
import type { ModuleRuntime } from '../runtime/module-runtime.js';
import { moduleFieldResolvers } from './module-field-resolvers.js';

type Context = Pick<PlatformContext, 'user' | 'actor' | 'authError'>;

/**
 * Resolvers of `schema/modules.graphql` the runtime serves: `modules` and `module(name)` for
 * signed-in users (`Module.installedBy` for ADMIN+ only); `enableModule` and `disableModule` for
 * SUPER_ADMIN (audited by the runtime).
 */
export function createModuleResolvers(runtime: Pick<ModuleRuntime, 'list' | 'get' | 'enable' | 'disable'>) {
  return {
    Query: {
      modules: (_parent: unknown, _args: unknown, context: Context) => {
        requireUser(context);
        return runtime.list();
      },
      module: (_parent: unknown, args: { name: string }, context: Context) => {
        requireUser(context);
        return runtime.get(args.name);
      },
    },
    Module: moduleFieldResolvers,
    Mutation: {
      enableModule: (_parent: unknown, args: { name: string }, context: Context) => {
        const user = requireRole(context, 'SUPER_ADMIN');
        return runtime.enable(args.name, { actor: user.email });
      },
      disableModule: (_parent: unknown, args: { name: string }, context: Context) => {
        const user = requireRole(context, 'SUPER_ADMIN');
        return runtime.disable(args.name, { actor: user.email });
      },
    },
  };
}
