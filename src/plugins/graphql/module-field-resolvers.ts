import type { PlatformContext } from '../../server/context.js';

type Context = Pick<PlatformContext, 'user'>;

/**
 * Field resolvers of `Module` that depend on who asks: `installedBy` (an admin's email) is shown to
 * ADMIN and SUPER_ADMIN only, null for everyone else.
 */
export const moduleFieldResolvers = {
  installedBy: (parent: { installedBy: string | null }, _args: unknown, context: Context) =>
    context.user?.role === 'SUPER_ADMIN' || context.user?.role === 'ADMIN' ? parent.installedBy : null,
};
