import { platformError } from '../errors/index.js';
import { isTrustedContext } from './trusted-contexts.js';

type ResolverMap = Record<string, unknown>;
type AnyFn = (...args: unknown[]) => unknown;

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;

function guard(fn: AnyFn, coordinate: string): AnyFn {
  return (parent, args, context, ...rest) => {
    if (!isTrustedContext(context)) {
      // Only module code can get here (graphql execution always passes the server's context).
      throw platformError('FORBIDDEN', `${coordinate} can only be called through a GraphQL request, not from module code.`);
    }
    return fn(parent, args, context, ...rest);
  };
}

function guardField(value: unknown, coordinate: string): unknown {
  if (typeof value === 'function') return guard(value as AnyFn, coordinate);
  if (typeof value !== 'object' || value === null) return value;
  const config = { ...(value as Record<string, unknown>) };
  for (const key of ['resolve', 'subscribe'] as const) {
    if (typeof config[key] === 'function') config[key] = guard(config[key] as AnyFn, coordinate);
  }
  return config;
}

/**
 * Wraps the root fields of the platform's own resolvers (queries, mutations, subscriptions) so
 * they run only with a context the server built (see `markTrustedContext`): a module cannot call
 * `createUser` or `installModule` with a forged caller through `info.schema`.
 */
export function guardCoreResolvers<T extends ResolverMap>(resolvers: T): T {
  const guarded: ResolverMap = { ...resolvers };
  for (const type of ROOT_TYPES) {
    const fields = resolvers[type];
    if (typeof fields !== 'object' || fields === null) continue;
    guarded[type] = Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, guardField(value, `${type}.${field}`)]));
  }
  return guarded as T;
}
