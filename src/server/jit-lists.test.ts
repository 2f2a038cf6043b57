import { createRequire } from 'node:module';
import { makeExecutableSchema } from '@graphql-tools/schema';
import fc from 'fast-check';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { errorsOf, expectSameErrors, type Reported } from './jit-compare.test-support.js';

// The graphql-jit patch compiles each list to its own loop and hands an item that is not a
// promise straight to the item handler (patches/README.md). Whatever a resolver puts in a list —
// values, nulls, Errors, promises that resolve or reject, in an array, a Set or a generator, at
// one or two levels — clients must get what graphql-js gives them: the same data and the same
// errors, with their paths. Unpatched graphql-jit 0.8.9 fails the property: an item whose
// promise rejects was nulled at the end of the list, which came out one item longer.

// The copy of graphql that @graphql-tools and graphql-jit load (CJS), as in jit-leaf-errors.test.ts.
const { execute, parse } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

type Kind = 'value' | 'null' | 'error' | 'promise' | 'promiseOfNull' | 'rejected';
// The proxies: arrays whose length says more, or fewer, items than their iterator yields.
type Container = 'array' | 'set' | 'generator' | 'longerThanItems' | 'shorterThanItems';

const KINDS: readonly Kind[] = ['value', 'null', 'error', 'promise', 'promiseOfNull', 'rejected'];

/** One list item of the kind asked for; `n` tells items apart in the answer. */
function item(kind: Kind, n: number): unknown {
  const row = { n, label: `row ${n}` };
  switch (kind) {
    case 'value':
      return row;
    case 'null':
      return null;
    case 'error':
      return new Error(`item ${n} broke`);
    case 'promise':
      return Promise.resolve(row);
    case 'promiseOfNull':
      return Promise.resolve(null);
    case 'rejected': {
      // graphql-js stops awaiting a list once an item nulls it; marked handled so that is not an unhandled rejection.
      const rejected = Promise.reject(new Error(`item ${n} rejected`));
      rejected.catch(() => {});
      return rejected;
    }
  }
}

function contain(items: unknown[], container: Container): Iterable<unknown> {
  if (container === 'set') return new Set(items);
  if (container === 'longerThanItems' || container === 'shorterThanItems') {
    const length = container === 'longerThanItems' ? items.length + 2 : 0;
    return new Proxy(items, {
      get(target, key, receiver) {
        if (key === 'length') return length;
        if (key === Symbol.iterator) return () => target[Symbol.iterator]();
        return Reflect.get(target, key, receiver);
      },
    });
  }
  if (container === 'generator')
    return (function* () {
      yield* items;
    })();
  return items;
}

/** A schema whose lists are made, on every call, from the kinds and container given. */
function schemaOf(kinds: readonly Kind[], container: Container) {
  const rows = () => contain(kinds.map(item), container);
  return makeExecutableSchema({
    typeDefs: /* GraphQL */ `
      type Row { n: Int! label: String children: [Row] strictChildren: [Row!] }
      type Query { rows: [Row] strictRows: [Row!] asyncRows: [Row] matrix: [[Row]] }
    `,
    resolvers: {
      Query: {
        rows,
        strictRows: rows,
        asyncRows: async () => rows(),
        matrix: () => [rows(), rows()],
      },
      Row: { children: rows, strictChildren: rows },
    },
  });
}

async function bothWays(kinds: readonly Kind[], container: Container, query: string) {
  const schema = schemaOf(kinds, container);
  const document = parse(query);
  const compiled = compileQuery(schema, document);
  if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit did not compile: ${JSON.stringify(compiled)}`);
  const jit = (await compiled.query(undefined, {}, {})) as { data?: unknown; errors?: Reported[] };
  const js = (await execute({ schema, document })) as { data?: unknown; errors?: readonly Reported[] };
  return { jit: { data: jit.data, errors: errorsOf(jit) }, js: { data: js.data, errors: errorsOf(js) } };
}

const QUERIES = {
  nullable: '{ rows { n label } }',
  nonNullItems: '{ strictRows { n } }',
  afterAwait: '{ asyncRows { n } }',
  listOfLists: '{ matrix { n } }',
  nested: '{ rows { n children { n label } } }',
  // graphql-js 16 leaves the promises of a nulled non-null list unawaited (graphql-js#4643), so
  // rejections are kept out of this one.
  nestedNonNull: '{ rows { n strictChildren { n } } }',
};

describe('graphql-jit lists', () => {
  it('answers a list of plain values, promises, nulls and Errors as graphql-js does', async () => {
    const { jit, js } = await bothWays(['value', 'rejected', 'null', 'error', 'promise', 'promiseOfNull'], 'array', QUERIES.nested);
    expect(jit.data).toEqual(js.data);
    expectSameErrors(jit, js);
    // What a client sees: rows resolved in order, the broken ones null with an error at their index.
    expect(jit.data).toMatchObject({ rows: [{ n: 0 }, null, null, null, { n: 4 }, null] });
    expect(jit.errors).toContain('rows.1: item 1 rejected');
    expect(jit.errors).toContain('rows.3: item 3 broke');
    expect(jit.errors).toContain('rows.0.children.1: item 1 rejected');
  });

  it('nulls a non-null list whose item is null, an Error or rejected, as graphql-js does', async () => {
    for (const kind of ['null', 'error', 'rejected', 'promiseOfNull'] as const) {
      const { jit, js } = await bothWays(['value', kind, 'promise'], 'array', QUERIES.nonNullItems);
      expect(jit.data).toEqual({ strictRows: null });
      expect(jit.data).toEqual(js.data);
    }
  });

  it('nulls a non-null list inside a list at its own index', async () => {
    const { jit, js } = await bothWays(['value', 'null', 'promise', 'promiseOfNull', 'error'], 'array', QUERIES.nestedNonNull);
    expect(jit.data).toEqual(js.data);
    expectSameErrors(jit, js);
    expect(jit.data).toMatchObject({ rows: [{ n: 0, strictChildren: null }, null, { n: 2, strictChildren: null }, null, null] });
  });

  it('takes a Set or a generator as a list', async () => {
    for (const container of ['set', 'generator'] as const) {
      const { jit, js } = await bothWays(['value', 'promise', 'value'], container, QUERIES.nested);
      expect(jit.data).toEqual(js.data);
      expectSameErrors(jit, js);
      expect((jit.data as { rows: unknown[] }).rows).toHaveLength(3);
    }
  });

  it('agrees with graphql-js on any mix of items, containers and list shapes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...KINDS), { maxLength: 6 }),
        fc.constantFrom<Container>('array', 'set', 'generator', 'longerThanItems', 'shorterThanItems'),
        fc.constantFrom(QUERIES.nullable, QUERIES.afterAwait, QUERIES.listOfLists, QUERIES.nested),
        async (kinds, container, query) => {
          const { jit, js } = await bothWays(kinds, container, query);
          expect(jit.data).toEqual(js.data);
          expectSameErrors(jit, js);
        },
      ),
      { numRuns: 150 },
    );
  });
});
