import { describe, expect, it } from 'vitest';
import { sharedGraphql } from '../composer/shared-graphql.js';
import { collectCoordinates, requestCoordinates } from './collect-coordinates.js';

const { buildSchema, parse } = sharedGraphql;

const schema = buildSchema(`
  enum Kind { COW SHEEP }
  input Filter { kind: Kind name: String }
  type Animal { name: String! kind: Kind! }
  type Query { animals(filter: Filter, first: Int, kind: Kind): [Animal!]! count: Int! }
`);

describe('collectCoordinates', () => {
  it('lists fields, arguments, enum values and input fields used as literals, not introspection', () => {
    const coordinates = collectCoordinates(
      schema,
      parse('{ __typename animals(first: 2, filter: { kind: SHEEP }) { name ...A } } fragment A on Animal { kind }'),
    );
    expect([...coordinates.fixed].sort()).toEqual([
      'Animal.kind',
      'Animal.name',
      'Filter.kind',
      'Kind.SHEEP',
      'Query.animals',
      'Query.animals(filter:)',
      'Query.animals(first:)',
    ]);
  });

  it('reads enum values from variables per request and skips the operations not run', () => {
    const document = parse('query A($k: Kind) { animals(kind: $k) { name } } query B { count }');
    const a = collectCoordinates(schema, document, 'A');
    expect(requestCoordinates(a, { k: 'COW' })).toContain('Kind.COW');
    expect(a.fixed).not.toContain('Query.count');
    expect(collectCoordinates(schema, document, 'B').fixed).toEqual(['Query.count']);
  });
});
