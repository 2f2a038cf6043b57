import { platformError } from '../errors/index.js';
import type { AuthUser, Role } from './types.js';

/** The signed-in user, or UNAUTHENTICATED. */
export function requireUser(context: { user: AuthUser | null; authError?: Error }): AuthUser {
  if (context.authError) throw context.authError;
  if (!context.user) throw platformError('UNAUTHENTICATED');
  return context.user;
}

/** The signed-in user if they hold one of `roles`; otherwise UNAUTHENTICATED or FORBIDDEN. */
export function requireRole(context: { user: AuthUser | null; authError?: Error }, ...roles: Role[]): AuthUser {
  const user = requireUser(context);
  if (!roles.includes(user.role)) {
    throw platformError('FORBIDDEN', `This needs the role ${roles.join(' or ')}; you are ${user.role}.`);
  }
  return user;
}
