import { type DocumentNode, Kind } from 'graphql';
import { fieldReadBy, fromField, lookupReadBy } from '../../sdk/from-field.js';
import type { ModuleResolvers } from '../../sdk/types.js';
import type { ModuleContextFactory } from './create-module-context-factory.js';
import { hasModuleResolverObservers, notifyModuleResolver } from './module-resolver-observers.js';

type AnyFn = (...args: unknown[]) => unknown;
export type ResolverMap = Record<string, unknown>;

// Root fields are timed per module (metrics); nested fields are too many to time cheaply.
const TIMED_TYPES = new Set(['Query', 'Mutation']);

function timed(fn: AnyFn, moduleName: string): AnyFn {
  return (...args) => {
    if (!hasModuleResolverObservers()) return fn(...args);
    const startedAt = process.hrtime.bigint();
    try {
      const result = fn(...args);
      if (result instanceof Promise) {
        return result.then(
          (value) => {
            notifyModuleResolver(moduleName, startedAt, false);
            return value;
          },
          (error: unknown) => {
            notifyModuleResolver(moduleName, startedAt, true);
            throw error;
          },
        );
      }
      notifyModuleResolver(moduleName, startedAt, false);
      return result;
    } catch (error) {
      notifyModuleResolver(moduleName, startedAt, true);
      throw error;
    }
  };
}

const PASS_THROUGH_KINDS = new Set<Kind>([
  Kind.SCALAR_TYPE_DEFINITION,
  Kind.SCALAR_TYPE_EXTENSION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.ENUM_TYPE_EXTENSION,
]);

function passThroughTypes(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  for (const definition of document.definitions) {
    if (PASS_THROUGH_KINDS.has(definition.kind) && 'name' in definition && definition.name) names.add(definition.name.value);
  }
  return names;
}

/** `(parent, args, ctx, info)` resolvers get the module context as 3rd argument, type resolvers as 2nd. */
function wrapMember(field: string, value: unknown, contextFor: ModuleContextFactory): unknown {
  if (typeof value === 'function') {
    const fn = value as AnyFn;
    if (field === '__resolveType' || field === '__isTypeOf') {
      return (source: unknown, context: unknown, ...rest: unknown[]) => fn(source, contextFor(context), ...rest);
    }
    // The SDK's `fromField`: replaced by the platform's own copy, which reads the parent and
    // nothing else (no module context), so graphql-jit compiles it to a plain read. It goes to
    // graphql-tools as `{ resolve }`: a bare function is bound to its resolver map, and a bound
    // function loses graphql-jit's mark.
    const readsField = field === 'subscribe' ? undefined : fieldReadBy(fn);
    if (readsField) {
      // A table the module handed over is copied again: what the platform reads cannot change.
      const table = lookupReadBy(fn);
      const read = table ? fromField(readsField, table) : fromField(readsField);
      return field === 'resolve' ? read : { resolve: read };
    }
    return (parent: unknown, args: unknown, context: unknown, info: unknown) => fn(parent, args, contextFor(context), info);
  }
  if (typeof value === 'object' && value !== null) {
    const config = { ...(value as Record<string, unknown>) };
    for (const key of ['resolve', 'subscribe'] as const) {
      if (typeof config[key] === 'function') config[key] = wrapMember(key, config[key], contextFor);
    }
    return config;
  }
  return value;
}

/**
 * Wraps every resolver of a module so it receives its module context (see
 * `createModuleContextFactory`). Scalars and enum value maps pass through unchanged.
 */
export function wrapModuleResolvers(
  resolvers: ModuleResolvers | undefined,
  document: DocumentNode,
  contextFor: ModuleContextFactory,
): ResolverMap {
  if (!resolvers) return {};
  const untouched = passThroughTypes(document);
  const wrapped: ResolverMap = {};
  for (const [typeName, members] of Object.entries(resolvers)) {
    if (untouched.has(typeName) || typeof members !== 'object' || members === null) {
      wrapped[typeName] = members;
      continue;
    }
    const time = TIMED_TYPES.has(typeName);
    wrapped[typeName] = Object.fromEntries(
      Object.entries(members).map(([field, value]) => {
        const member = wrapMember(field, value, contextFor);
        return [field, time && typeof member === 'function' ? timed(member as AnyFn, contextFor.moduleName) : member];
      }),
    );
  }
  return wrapped;
}
