import { platformError } from '../errors/index.js';
import type { AuthUser, Role } from './types.js';
import type { StoredUser } from './users-repository.js';

/** ADMIN or SUPER_ADMIN, else FORBIDDEN. */
export function assertAdmin(actor: AuthUser): void {
  if (actor.role !== 'SUPER_ADMIN' && actor.role !== 'ADMIN') {
    throw platformError('FORBIDDEN', `This needs the role ADMIN or SUPER_ADMIN; you are ${actor.role}.`);
  }
}

export function assertSuperAdmin(actor: AuthUser, what: string): void {
  if (actor.role !== 'SUPER_ADMIN') throw platformError('FORBIDDEN', `Only a SUPER_ADMIN may ${what}; you are ${actor.role}.`);
}

/**
 * May `actor` manage `target` (and, when given, give it `newRole`)? SUPER_ADMIN manages everyone;
 * ADMIN manages USER accounts only and cannot raise anyone above USER.
 */
export function assertMayManage(actor: AuthUser, target: StoredUser | { role: Role; email: string }, newRole?: Role): void {
  assertAdmin(actor);
  if (actor.role === 'SUPER_ADMIN') return;
  if (target.role !== 'USER') {
    throw platformError('FORBIDDEN', `An ADMIN manages USER accounts only; ${target.email} is ${target.role}. Ask a SUPER_ADMIN.`);
  }
  if (newRole !== undefined && newRole !== 'USER') {
    throw platformError('FORBIDDEN', `An ADMIN cannot give the role ${newRole}; ask a SUPER_ADMIN.`);
  }
}

/** The last enabled SUPER_ADMIN may not be disabled, demoted or deleted: someone must stay able to administer. */
export function assertNotLastSuperAdmin(target: StoredUser, enabledSuperAdmins: number, act: string): void {
  if (target.role === 'SUPER_ADMIN' && !target.disabled && enabledSuperAdmins <= 1) {
    throw platformError(
      'BAD_USER_INPUT',
      `${target.email} is the last enabled SUPER_ADMIN and cannot be ${act}; make another SUPER_ADMIN first.`,
      {
        details: { field: 'id' },
      },
    );
  }
}
