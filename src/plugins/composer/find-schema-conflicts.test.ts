import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { findSchemaConflicts } from './find-schema-conflicts.js';

const core = { owner: 'the core', document: parse('type Query { me: String } type User { id: ID! } enum Role { ADMIN }') };
const part = (owner: string, sdl: string) => ({ owner, document: parse(sdl) });

describe('findSchemaConflicts', () => {
  it('accepts new types and new fields added with extend type', () => {
    const farm = part('farm_manager', 'type Farm { id: ID! } extend type Query { farms: [Farm!]! } extend type User { farms: [Farm!]! }');
    const inventory = part('inventory', 'extend type Farm { stock: Int } extend type Query { stock: Int }');
    expect(findSchemaConflicts([core, farm, inventory])).toEqual([]);
  });

  it('names both owners and the coordinate for every kind of clash', () => {
    const farm = part('farm_manager', 'type Farm { id: ID! } extend type Query { farms: [Farm!]! }');
    const other = part(
      'other_mod',
      'type Farm { id: ID! } extend type Query { farms: Int } scalar User extend type User { id: ID } extend enum Role { ADMIN } directive @x on FIELD',
    );
    const third = part('third', 'directive @x on FIELD');
    expect(findSchemaConflicts([core, farm, other, third])).toEqual([
      'Type Farm defined by farm_manager and other_mod',
      'Query.farms defined by farm_manager and other_mod',
      'Type User defined by the core and other_mod',
      'User.id defined by the core and other_mod',
      'Role.ADMIN defined by the core and other_mod',
      'Directive @x defined by other_mod and third',
    ]);
  });

  it('refuses extending a type nobody defines and module schema definitions', () => {
    const stray = part('stray', 'extend type Weather { rain: Int } schema { query: Query }');
    expect(findSchemaConflicts([core, stray])).toEqual([
      'stray defines or extends the schema root (only the core may)',
      'stray extends type Weather, which neither the core nor an enabled module defines',
    ]);
  });
});
