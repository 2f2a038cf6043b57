import type { ModuleUser, Role } from '../sdk/types.js';

export type { Role };
export const ROLES = ['SUPER_ADMIN', 'ADMIN', 'USER'] as const satisfies readonly Role[];

/**
 * The user a request is made by, as the resolvers see it (never the password hash). Loaded from
 * the store on every request, so a disable, delete, role change or revoke applies at once.
 * `permissions` are the effective ones (role ∪ grants); `grants` those given to the user directly.
 */
export interface AuthUser extends ModuleUser {
  grants: string[];
  disabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}
