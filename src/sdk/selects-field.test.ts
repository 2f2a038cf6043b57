import { buildSchema, type GraphQLResolveInfo, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsField } from './selects-field.js';

const schema = buildSchema(`
  type Block { id: ID! name: String }
  type Farm { id: ID! blocks: [Block!]! location: String }
  type FarmPage { items: [Farm!]! totalCount: Int! }
  type Query { farms: FarmPage! }
`);

/** What `selectsField(info, ...path)` answers inside the `farms` resolver for `query`. */
async function answer(query: string, ...path: string[]): Promise<boolean> {
  let seen: boolean | undefined;
  const rootValue = {
    // graphql-js calls a root value's function with (args, context, info).
    farms: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
      seen = selectsField(info, ...path);
      return { items: [], totalCount: 0 };
    },
  };
  const result = await graphql({ schema, source: query, rootValue });
  expect(result.errors).toBeUndefined();
  return seen!;
}

describe('selectsField', () => {
  it('finds a field below the one being resolved, by name whatever its alias', async () => {
    expect(await answer('{ farms { items { blocks { id } } } }', 'items', 'blocks')).toBe(true);
    expect(await answer('{ farms { rows: items { children: blocks { id } } } }', 'items', 'blocks')).toBe(true);
    expect(await answer('{ farms { items { id location } totalCount } }', 'items', 'blocks')).toBe(false);
    expect(await answer('{ farms { totalCount } }', 'items', 'blocks')).toBe(false);
    expect(await answer('{ farms { totalCount } }', 'totalCount')).toBe(true);
  });

  it('looks through inline fragments and fragment spreads, each spread once', async () => {
    expect(await answer('{ farms { ... on FarmPage { items { ... on Farm { blocks { id } } } } } }', 'items', 'blocks')).toBe(true);
    const spreads = `{ farms { ...Page ...Page } }
      fragment Page on FarmPage { items { ...Rows } }
      fragment Rows on Farm { id ...Children }
      fragment Children on Farm { blocks { name } }`;
    expect(await answer(spreads, 'items', 'blocks')).toBe(true);
    expect(await answer('{ farms { ...Page } } fragment Page on FarmPage { items { id } }', 'items', 'blocks')).toBe(false);
  });

  it('finds a field any of several selections of the same field asks for', async () => {
    expect(await answer('{ farms { items { id } items { blocks { id } } } }', 'items', 'blocks')).toBe(true);
  });

  it('does not evaluate @skip or @include (it reads ahead; it does not decide what is shown)', async () => {
    expect(await answer('{ farms { items { blocks @skip(if: true) { id } } } }', 'items', 'blocks')).toBe(true);
  });

  it('answers false for an empty path', async () => {
    expect(await answer('{ farms { totalCount } }')).toBe(false);
  });
});
