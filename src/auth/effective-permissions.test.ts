import { describe, expect, it } from 'vitest';
import { effectivePermissions } from './effective-permissions.js';

const declared = ['farm.delete', 'farm.view', 'inventory.edit'];

describe('effectivePermissions', () => {
  it('SUPER_ADMIN holds every declared permission whatever its grants and role settings', () => {
    expect(effectivePermissions('SUPER_ADMIN', [], [], declared)).toEqual(declared);
  });

  it('ADMIN holds every declared permission until the role is set; then the role ∪ grants', () => {
    expect(effectivePermissions('ADMIN', [], null, declared)).toEqual(declared);
    expect(effectivePermissions('ADMIN', ['inventory.edit'], ['farm.view'], declared)).toEqual(['farm.view', 'inventory.edit']);
    expect(effectivePermissions('ADMIN', [], [], declared)).toEqual([]);
  });

  it('USER holds none by default; the role ∪ grants otherwise; undeclared names are dropped', () => {
    expect(effectivePermissions('USER', [], null, declared)).toEqual([]);
    expect(effectivePermissions('USER', ['farm.view', 'gone.view'], ['inventory.edit', 'gone.edit'], declared)).toEqual([
      'farm.view',
      'inventory.edit',
    ]);
  });
});
