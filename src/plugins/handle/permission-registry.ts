import type { ModuleUser } from '../../sdk/types.js';

/**
 * The permissions enabled modules declare (manifest `permissions`). Roles grant them:
 * SUPER_ADMIN and ADMIN hold every registered permission, USER those in `user.permissions`.
 * An unregistered name is held by nobody, so a typo in a resolver guard fails closed.
 */
export interface PermissionRegistry {
  register(moduleName: string, permissions: readonly string[]): void;
  unregister(moduleName: string): void;
  isRegistered(permission: string): boolean;
  holds(user: ModuleUser | null, permission: string): boolean;
}

export function createPermissionRegistry(): PermissionRegistry {
  const byModule = new Map<string, readonly string[]>();
  let registered = new Set<string>();
  const rebuild = () => {
    registered = new Set([...byModule.values()].flat());
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
    holds(user, permission) {
      if (!user || !isRegistered(permission)) return false;
      if (user.role === 'SUPER_ADMIN' || user.role === 'ADMIN') return true;
      return user.permissions.includes(permission);
    },
  };
}
