import type { ModuleUser } from '../../sdk/types.js';

/**
 * The permissions enabled modules declare (manifest `permissions`). A request's user holds one
 * when it is registered and in `user.permissions`, the effective set that access control loads
 * on every request (the role's permissions ∪ the user's grants; ADMIN: every module permission
 * until a SUPER_ADMIN sets the ADMIN role; USER: none by default). SUPER_ADMIN holds every
 * registered permission. An unregistered name is held by nobody, so a typo in a guard fails closed.
 */
export interface PermissionRegistry extends PermissionChecks {
  register(moduleName: string, permissions: readonly string[]): void;
  unregister(moduleName: string): void;
}

/** The read side of the registry: what module handles and resolvers check. */
export interface PermissionChecks {
  isRegistered(permission: string): boolean;
  /** Every registered permission, sorted; the same frozen array until the next (un)register. */
  registered(): readonly string[];
  holds(user: ModuleUser | null, permission: string): boolean;
}

export function createPermissionRegistry(): PermissionRegistry {
  const byModule = new Map<string, readonly string[]>();
  let registered = new Set<string>();
  // Access control reads the list on every request: built once per change, not per read.
  let sorted: readonly string[] = Object.freeze([]);
  const rebuild = () => {
    registered = new Set([...byModule.values()].flat());
    sorted = Object.freeze([...registered].sort());
  };
  const isRegistered = (permission: string) => registered.has(permission);
  return {
    register(moduleName, permissions) {
      byModule.set(moduleName, [...permissions]);
      rebuild();
    },
    unregister(moduleName) {
      byModule.delete(moduleName);
      rebuild();
    },
    isRegistered,
    registered: () => sorted,
    holds(user, permission) {
      if (!user || !isRegistered(permission)) return false;
      if (user.role === 'SUPER_ADMIN') return true;
      return user.permissions.includes(permission);
    },
  };
}
