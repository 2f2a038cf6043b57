import type { ModuleUser, Role } from '../sdk/types.js';

export type { Role };
export const ROLES = ['SUPER_ADMIN', 'ADMIN', 'USER'] as const satisfies readonly Role[];

/** The user a request is made by, as the resolvers see it (never the password hash). */
export interface AuthUser extends ModuleUser {
  createdAt: Date;
}
