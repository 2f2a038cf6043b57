import type { ModuleContext, ModuleHandle, ModuleUser } from '../../sdk/types.js';
import { bindHandleToUser } from '../handle/bind-handle-to-user.js';
import type { PermissionRegistry } from '../handle/permission-registry.js';

/** Turns a request's context into the one a module's resolvers see. */
export type ModuleContextFactory = (requestContext: unknown) => ModuleContext;

const NO_CONTEXT = {};

/**
 * Builds, once per module per request, a context inheriting the request's (`Object.create`, so
 * nothing is copied) plus `module` (the handle bound to the request's user) and `modules` (its
 * dependencies' services). Cached in a WeakMap keyed by the request context: a list of 1,000 rows
 * costs one object, not one per field.
 */
export function createModuleContextFactory(handle: ModuleHandle, permissions: PermissionRegistry): ModuleContextFactory {
  const cache = new WeakMap<object, ModuleContext>();
  return (requestContext) => {
    const key = typeof requestContext === 'object' && requestContext !== null ? requestContext : NO_CONTEXT;
    let context = cache.get(key);
    if (!context) {
      const user = ((key as { user?: ModuleUser | null }).user ?? null) as ModuleUser | null;
      context = Object.create(key, {
        module: { value: bindHandleToUser(handle, user, permissions), enumerable: true },
        modules: { value: handle.services, enumerable: true },
      }) as ModuleContext;
      cache.set(key, context);
    }
    return context;
  };
}
