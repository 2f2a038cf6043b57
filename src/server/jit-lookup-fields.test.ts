import { createRequire } from 'node:module';
import { makeExecutableSchema } from '@graphql-tools/schema';
import fc from 'fast-check';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it, vi } from 'vitest';
import { fromField } from '../sdk/from-field.js';

// `fromField(field, table)` marks a resolver that answers with the table's entry for a field of
// its parent; the graphql-jit patch compiles such a field to a `Map#get` of that entry, with no
// resolver call (patches/README.md). Whatever the table and whatever the parents hold, the
// compiled query must answer as graphql-js, which calls the resolver.

// The copy of graphql that @graphql-tools and graphql-jit load (CJS); see jit-leaf-errors.test.ts.
const { execute, parse } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const typeDefs = /* GraphQL */ `
  enum State { EMPTY PLANTED GROWING }
  type Label { text: String! }
  type Row {
    id: ID!
    label: String
    strictLabel: String!
    next: [State!]
    strictNext: [State!]!
    detail: Label
  }
  type Query { rows: [Row!]! }
`;

type Tables = { label: Record<string, unknown>; next: Record<string, unknown>; detail: Record<string, unknown> };

function schemaFor(rows: unknown[], tables: Tables, spy?: () => void) {
  const counted = <T>(resolver: T): T => {
    if (!spy) return resolver;
    const wrapped = ((parent: unknown) => {
      spy();
      return (resolver as (p: unknown) => unknown)(parent);
    }) as T;
    // The marks stay: graphql-jit reads them, graphql-js calls the counting wrapper.
    for (const mark of Object.getOwnPropertySymbols(resolver)) {
      Object.defineProperty(wrapped, mark, { value: (resolver as Record<symbol, unknown>)[mark] });
    }
    return wrapped;
  };
  return makeExecutableSchema({
    typeDefs,
    resolvers: {
      Query: { rows: () => rows },
      Row: {
        label: { resolve: counted(fromField('key', tables.label)) },
        strictLabel: { resolve: counted(fromField('key', tables.label)) },
        next: { resolve: counted(fromField('key', tables.next)) },
        strictNext: { resolve: counted(fromField('key', tables.next)) },
        detail: { resolve: counted(fromField('key', tables.detail)) },
      },
    },
  });
}

type Reported = { message: string; path?: unknown };
/** Errors as "path message" lines, sorted; graphql-js quotes the field in "Expected Iterable", 0.8.9 does not. */
const reported = (errors: readonly Reported[] | undefined) =>
  (errors ?? []).map(({ message, path }) => `${JSON.stringify(path)} ${message.replace(/field "(\w+\.\w+)"/, 'field $1')}`).sort();

function bothWays(rows: unknown[], tables: Tables, query: string) {
  const schema = schemaFor(rows, tables);
  const document = parse(query);
  const compiled = compileQuery(schema, document);
  if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit did not compile: ${JSON.stringify(compiled)}`);
  const jit = compiled.query(undefined, {}, {}) as { data?: unknown; errors?: Reported[] };
  const js = execute({ schema, document }) as { data?: unknown; errors?: readonly Reported[] };
  return { jit, js };
}

const QUERIES = ['{ rows { id label next detail { text } } }', '{ rows { id strictLabel } }', '{ rows { id strictNext } }'];

describe('graphql-jit lookup fields (fromField with a table)', () => {
  it('answers as graphql-js without calling the resolver', () => {
    const tables: Tables = {
      label: { a: 'Alpha', b: null },
      next: { a: ['PLANTED', 'GROWING'], b: [] },
      detail: { a: { text: 'first' } },
    };
    const rows = [
      { id: '1', key: 'a' },
      { id: '2', key: 'b' },
    ];
    const spy = vi.fn();
    const schema = schemaFor(rows, tables, spy);
    const document = parse('{ rows { id label next detail { text } } }');
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error('graphql-jit did not compile the query');
    const expected = {
      data: {
        rows: [
          { id: '1', label: 'Alpha', next: ['PLANTED', 'GROWING'], detail: { text: 'first' } },
          { id: '2', label: null, next: [], detail: null },
        ],
      },
    };
    expect(execute({ schema, document })).toEqual(expected);
    expect(spy).toHaveBeenCalledTimes(6);
    spy.mockClear();
    expect(compiled.query(undefined, {}, {})).toEqual(expected);
    expect(spy).not.toHaveBeenCalled();
  });

  it('gives the same data and errors as graphql-js for any table and any parents', () => {
    const key = fc.oneof(
      fc.constantFrom('a', 'b', 'c', '__proto__', 'toString', 'constructor', 'hasOwnProperty'),
      fc.string({ maxLength: 3 }),
    );
    const value = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 4 }),
      fc.integer(),
      fc.constantFrom('EMPTY', 'PLANTED', 'NOT_A_STATE'),
      fc.array(fc.constantFrom('EMPTY', 'PLANTED', 'GROWING', 'bogus', null), { maxLength: 3 }),
      fc.record({ text: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(null)) }),
    );
    const table = fc.dictionary(key, value, { maxKeys: 5 });
    const parentKey = fc.oneof(key, fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean());
    const rows = fc.array(
      parentKey.map((k) => ({ id: 'r', key: k })),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(rows, table, table, table, fc.constantFrom(...QUERIES), (parents, label, next, detail, query) => {
        const { jit, js } = bothWays(parents, { label, next, detail }, query);
        expect(jit.data).toEqual(js.data);
        // graphql-jit also reports errors inside a subtree null propagation removed; graphql-js's are among them.
        expect(reported(jit.errors)).toEqual(expect.arrayContaining(reported(js.errors)));
        expect(Boolean(jit.errors?.length)).toBe(Boolean(js.errors?.length));
      }),
      { numRuns: 300 },
    );
  });
});
