import { describe, expect, it } from 'vitest';
import { assertSeats, type RoleTable } from './seat-check.js';
import type { StoredUser } from './users-repository.js';

const user = (id: string, role: StoredUser['role'], grants: string[], disabled = false): StoredUser => ({
  id,
  email: `${id}@example.test`,
  role,
  grants,
  disabled,
  lastLoginAt: null,
  tokenGeneration: 0,
  bootstrapPending: false,
  createdAt: new Date(0),
});
const limits = [{ module: 'crew', permissions: ['crew.view', 'crew.edit'], seats: 2 }];
const declared = ['crew.view', 'crew.edit', 'farm.view'];
const roles: RoleTable = { ADMIN: null, USER: null };

describe('assertSeats', () => {
  const before = [user('root', 'SUPER_ADMIN', []), user('a', 'USER', ['crew.view']), user('b', 'USER', ['farm.view'])];

  it('refuses a change that adds a seat holder past the seats, naming the count', () => {
    const after = before.map((u) => (u.id === 'b' ? { ...u, grants: ['crew.edit'] } : u));
    expect(() => assertSeats(limits, declared, { users: before, roles }, { users: after, roles })).toThrow(/2 seats/);
  });

  it('accepts changes that do not add holders (more of the module to a holder, revokes), and disabled users hold none', () => {
    const more = before.map((u) => (u.id === 'a' ? { ...u, grants: ['crew.view', 'crew.edit'] } : u));
    expect(() => assertSeats(limits, declared, { users: before, roles }, { users: more, roles })).not.toThrow();
    const withDisabled = [...before, user('c', 'USER', ['crew.view'], true)];
    expect(() => assertSeats(limits, declared, { users: before, roles }, { users: withDisabled, roles })).not.toThrow();
  });

  it('counts role permissions: giving the USER role the module counts every USER', () => {
    expect(() =>
      assertSeats(limits, declared, { users: before, roles }, { users: before, roles: { ADMIN: null, USER: ['crew.view'] } }),
    ).toThrow(/LICENSE|seats/);
  });
});
