import type { Role } from './types.js';

/**
 * The permissions a user holds: their role's ∪ their own grants, limited to `declared` (the
 * permissions installed modules declare). SUPER_ADMIN holds every one; ADMIN holds every one until
 * a SUPER_ADMIN sets the ADMIN role explicitly (`rolePermissions` null = never set); USER none by default.
 *
 * @example effectivePermissions('USER', ['farm.view'], null, ['farm.view', 'farm.delete']) // ['farm.view']
 */
export function effectivePermissions(
  role: Role,
  grants: readonly string[],
  rolePermissions: readonly string[] | null,
  declared: readonly string[],
): string[] {
  if (role === 'SUPER_ADMIN') return [...declared].sort();
  const fromRole = rolePermissions ?? (role === 'ADMIN' ? declared : []);
  const held = new Set([...fromRole, ...grants]);
  return declared.filter((permission) => held.has(permission)).sort();
}
