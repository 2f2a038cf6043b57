import type { ModuleContext, ModuleResolverFn } from './types.js';

/**
 * Guards a resolver with a manifest permission; a user without it gets FORBIDDEN.
 *
 * @example Mutation: { createFarm: withPermission('farm.create', (_, { input }, ctx) => ...) }
 */
export function withPermission<TParent, TArgs, TResult>(
  permission: string,
  resolver: ModuleResolverFn<TParent, TArgs, TResult>,
): ModuleResolverFn<TParent, TArgs, TResult> {
  return (parent, args, context: ModuleContext, info) => {
    context.module.assertCan(permission);
    return resolver(parent, args, context, info);
  };
}
