import { platformError } from '../../errors/index.js';
import type { ModuleHandle, ModuleUser } from '../../sdk/types.js';
import { createLoaderFactory, type LoaderFactory } from './create-loader-factory.js';
import type { PermissionChecks } from './permission-registry.js';

type BoundHandleClass = new (user: ModuleUser | null, permissions: PermissionChecks) => ModuleHandle;

/** Per bound-handle class (by its prototype): drops what a handle's loaders read. */
const forgetterOf = new WeakMap<object, (handle: ModuleHandle) => void>();

/**
 * The class of a base handle's per-request views: its prototype is the base handle, so whatever
 * a request does not override is the base's. `Object.create` with property descriptors took ~2 µs
 * per request and module; a class instance, frozen, ~0.1 µs. The fields are own properties made
 * by definition (not assignment), so the base's own `user`, `can`… do not get in the way.
 */
function boundHandleClass(base: ModuleHandle): BoundHandleClass {
  class BoundHandle {
    readonly user: ModuleUser | null;
    readonly can: (permission: string) => boolean;
    readonly assertCan: (permission: string) => void;
    readonly loader: LoaderFactory;
    // Private: writable on the frozen handle, out of a module's reach. Built on first use (most
    // requests never ask a module for a loader), dropped by `forgetRequestReads`.
    #loaders: LoaderFactory | undefined;

    static {
      forgetterOf.set(BoundHandle.prototype, (handle) => {
        (handle as unknown as BoundHandle).#loaders = undefined;
      });
    }

    constructor(user: ModuleUser | null, permissions: PermissionChecks) {
      const can = (permission: string) => permissions.holds(user, permission);
      this.user = user;
      this.can = can;
      this.assertCan = (permission) => {
        if (can(permission)) return;
        if (!user) throw platformError('UNAUTHENTICATED', `Sign in to use ${base.name}: this needs the permission "${permission}".`);
        throw platformError(
          'FORBIDDEN',
          `You need the permission "${permission}" (module ${base.name}); ask an administrator to grant it.`,
        );
      };
      this.loader = (collection, key, options) => {
        this.#loaders ??= createLoaderFactory(base.store, true);
        return this.#loaders(collection, key, options);
      };
      Object.freeze(this);
    }
  }
  Object.setPrototypeOf(BoundHandle.prototype, base);
  return BoundHandle as unknown as BoundHandleClass;
}

const classOfBase = new WeakMap<ModuleHandle, BoundHandleClass>();

/**
 * The module's handle as one request sees it: `user` is the request's user and `can`/`assertCan`
 * check that user's permissions; `loader` hands out loaders that live as long as the request.
 * Everything else is shared with the module's base handle. Frozen: a module cannot swap `can`.
 */
export function bindHandleToUser(base: ModuleHandle, user: ModuleUser | null, permissions: PermissionChecks): ModuleHandle {
  let BoundHandle = classOfBase.get(base);
  if (!BoundHandle) {
    BoundHandle = boundHandleClass(base);
    classOfBase.set(base, BoundHandle);
  }
  return new BoundHandle(user, permissions);
}

/**
 * Drops what a bound handle's loaders read, once its request is over. V8 allocates a request's
 * bound handle straight into the old generation (it lives as long as the request), and an old
 * object — even dead — keeps the young ones it points to alive through every scavenge until the
 * next full collection: the loaders' reads were most of what each scavenge promoted
 * (docs/performance.md, session 13). A loader asked for afterwards starts afresh.
 */
export function forgetRequestReads(handle: ModuleHandle): void {
  forgetterOf.get(Object.getPrototypeOf(handle))?.(handle);
}
