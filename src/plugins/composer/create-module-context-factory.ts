import type { ModuleContext, ModuleHandle, ModuleUser } from '../../sdk/types.js';
import { bindHandleToUser } from '../handle/bind-handle-to-user.js';
import type { PermissionChecks } from '../handle/permission-registry.js';

/** Turns a request's context into the one a module's resolvers see; knows whose module it is. */
export type ModuleContextFactory = ((requestContext: unknown) => ModuleContext) & { readonly moduleName: string };

const NO_CONTEXT = {};

// Each request's module contexts, kept on the request's context object itself (non-enumerable,
// so no spread, log or JSON sees it). A lookup is one property read and a small Map; a WeakMap
// keyed by the request context, consulted by every field resolver of every row, was ~5% of a
// list request under load, where its table is cold in the CPU caches.
const MODULE_CONTEXTS = Symbol('a64.moduleContexts');
type Carrier = { [MODULE_CONTEXTS]?: Map<ModuleContextFactory, ModuleContext> };

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
 * Made once per request context (see MODULE_CONTEXTS): a list of 1,000 rows costs one object.
 */
export function createModuleContextFactory(handle: ModuleHandle, permissions: PermissionChecks): ModuleContextFactory {
  // Contexts that cannot carry their own (frozen ones: no request context is, but a caller may be).
  const elsewhere = new WeakMap<object, ModuleContext>();
  const build = (key: object): ModuleContext => {
    const user = moduleUserView((key as { user?: ModuleUser | null }).user);
    return Object.freeze({ module: bindHandleToUser(handle, user, permissions), user, modules: handle.services });
  };
  const contextFor = (requestContext: unknown): ModuleContext => {
    const key = typeof requestContext === 'object' && requestContext !== null ? requestContext : NO_CONTEXT;
    let made = (key as Carrier)[MODULE_CONTEXTS];
    if (!made) {
      if (!Object.isExtensible(key)) {
        let context = elsewhere.get(key);
        if (!context) {
          context = build(key);
          elsewhere.set(key, context);
        }
        return context;
      }
      made = new Map();
      Object.defineProperty(key, MODULE_CONTEXTS, { value: made });
    }
    let context = made.get(factory);
    if (!context) {
      context = build(key);
      made.set(factory, context);
    }
    return context;
  };
  const factory: ModuleContextFactory = Object.assign(contextFor, { moduleName: handle.name });
  return factory;
}
