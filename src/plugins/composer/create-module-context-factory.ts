import type { ModuleContext, ModuleHandle, ModuleUser } from '../../sdk/types.js';
import { bindHandleToUser } from '../handle/bind-handle-to-user.js';
import type { PermissionChecks } from '../handle/permission-registry.js';
import { holdForRequest } from './request-scope.js';

/** Turns a request's context into the one a module's resolvers see; knows whose module it is. */
export type ModuleContextFactory = ((requestContext: unknown) => ModuleContext) & { readonly moduleName: string };

// Frozen: a call without a request context gets a view of its own, never one shared across calls.
const NO_CONTEXT = Object.freeze({});

/**
 * The caller as a module may see it: only the `ModuleUser` fields (not grants, login times or
 * anything the platform adds later), copied and frozen, so what a module changes — it throws in
 * strict-mode code — never reaches the platform's own copy.
 */
function moduleUserView(user: ModuleUser | null | undefined): ModuleUser | null {
  if (!user) return null;
  return Object.freeze({ id: user.id, email: user.email, role: user.role, permissions: Object.freeze([...user.permissions]) as string[] });
}

/**
 * Builds, once per module per request, the frozen view a module's resolvers get: `module` (its
 * handle bound to the caller), `user` (a frozen copy of the caller) and `modules` (its
 * dependencies' services) — nothing else. It does not inherit the request's context, so a module
 * never sees raw headers or the request, and cannot change the identity the core resolvers read
 * (a module setting `context.user.role` throws; replacing `context.user` is refused too).
 *
 * Kept on the request context itself, under a symbol of this factory's (hidden: not enumerable,
 * not writable), so a list of 1,000 rows costs one object. Not in a WeakMap keyed by the context:
 * V8's young-generation collector holds a WeakMap's values strongly, so every request's module
 * contexts — with their loaders and all they read — survived until the next full collection
 * (docs/performance.md, session 9). A context that cannot take a property gets a fresh view per call.
 * The bound handle is also held for `endRequestScope`, which drops its loaders' reads when the
 * request is over.
 */
export function createModuleContextFactory(handle: ModuleHandle, permissions: PermissionChecks): ModuleContextFactory {
  const slot = Symbol(`a64.moduleContext.${handle.name}`);
  const build = (requestContext: object): ModuleContext => {
    const user = moduleUserView((requestContext as { user?: ModuleUser | null }).user);
    return Object.freeze({ module: bindHandleToUser(handle, user, permissions), user, modules: handle.services });
  };
  const contextFor = (requestContext: unknown): ModuleContext => {
    const key = typeof requestContext === 'object' && requestContext !== null ? requestContext : NO_CONTEXT;
    const held = (key as { [slot]?: ModuleContext })[slot];
    if (held) return held;
    const context = build(key);
    if (Object.isExtensible(key)) {
      Object.defineProperty(key, slot, { value: context });
      holdForRequest(key, context.module);
    }
    return context;
  };
  return Object.assign(contextFor, { moduleName: handle.name });
}
