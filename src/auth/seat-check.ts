import { platformError } from '../errors/index.js';
import { effectivePermissions } from './effective-permissions.js';
import type { Role } from './types.js';
import type { StoredUser } from './users-repository.js';

/** A module whose PER_USER license limits how many users may hold its permissions. */
export interface SeatLimit {
  module: string;
  permissions: readonly string[];
  seats: number;
}

export type RoleTable = Record<Exclude<Role, 'SUPER_ADMIN'>, readonly string[] | null>;

function seatsUsed(limit: SeatLimit, users: readonly StoredUser[], roles: RoleTable, declared: readonly string[]): number {
  const own = new Set(limit.permissions);
  return users.filter((user) => {
    if (user.disabled) return false;
    const rolePermissions = user.role === 'SUPER_ADMIN' ? null : roles[user.role];
    return effectivePermissions(user.role, user.grants, rolePermissions, declared).some((permission) => own.has(permission));
  }).length;
}

/**
 * Refuses a change that would let more users hold a PER_USER module's permissions than its
 * license has seats (LICENSE_INVALID naming the count). A change that does not add seat holders
 * passes even when the license is already over (so revoking always works).
 */
export function assertSeats(
  limits: readonly SeatLimit[],
  declared: readonly string[],
  before: { users: readonly StoredUser[]; roles: RoleTable },
  after: { users: readonly StoredUser[]; roles: RoleTable },
): void {
  for (const limit of limits) {
    const now = seatsUsed(limit, after.users, after.roles, declared);
    if (now > limit.seats && now > seatsUsed(limit, before.users, before.roles, declared)) {
      throw platformError(
        'LICENSE_INVALID',
        `The license of ${limit.module} has ${limit.seats} seat${limit.seats === 1 ? '' : 's'}; this change would give ${now} users its permissions. Revoke some or get more seats.`,
        { details: { module: limit.module, seats: limit.seats } },
      );
    }
  }
}
