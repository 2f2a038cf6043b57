import { describe, expect, it } from 'vitest';
import type { ModuleHandle, ModuleUser } from '../../sdk/types.js';
import { bindHandleToUser } from './bind-handle-to-user.js';
import type { PermissionChecks } from './permission-registry.js';

const base = Object.freeze({
  name: 'farmish',
  version: '1.0.0',
  store: { collection: () => ({}) },
  logger: {},
  services: {},
  user: null,
  can: () => true,
  assertCan: () => {},
  loader: () => ({}),
  every: () => () => {},
  onDispose: () => () => {},
}) as unknown as ModuleHandle;

const ann = Object.freeze({ id: 'u1', email: 'ann@example.test', role: 'USER', permissions: ['farm.view'] }) as ModuleUser;
const permissions: PermissionChecks = { holds: (user, permission) => !!user?.permissions.includes(permission) } as PermissionChecks;

describe('bindHandleToUser', () => {
  it('checks the request’s user and shares the rest of the base handle', () => {
    const forAnn = bindHandleToUser(base, ann, permissions);
    const anonymous = bindHandleToUser(base, null, permissions);
    expect(forAnn.user).toBe(ann);
    expect([forAnn.name, forAnn.store, forAnn.services]).toEqual([base.name, base.store, base.services]);
    expect(forAnn.can('farm.view')).toBe(true);
    expect(forAnn.can('farm.delete')).toBe(false);
    // Taken off the handle, as a resolver's destructuring does.
    const { can, assertCan } = forAnn;
    expect(can('farm.view')).toBe(true);
    expect(() => assertCan('farm.view')).not.toThrow();
    expect(() => assertCan('farm.delete')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    expect(() => anonymous.assertCan('farm.view')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    );
    expect(anonymous.user).toBeNull();
    expect(base.user).toBeNull();
  });

  it('cannot be changed by a module: swapping can or user throws in strict code', () => {
    const forAnn = bindHandleToUser(base, ann, permissions) as { -readonly [K in keyof ModuleHandle]: ModuleHandle[K] };
    expect(() => {
      forAnn.can = () => true;
    }).toThrow(TypeError);
    expect(() => {
      forAnn.user = null;
    }).toThrow(TypeError);
    expect(forAnn.can('farm.delete')).toBe(false);
  });

  it('gives each request its own loaders', () => {
    const first = bindHandleToUser(base, ann, permissions);
    const second = bindHandleToUser(base, ann, permissions);
    expect(first.loader).not.toBe(second.loader);
    expect(first.loader).not.toBe(base.loader);
  });
});
