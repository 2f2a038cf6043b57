import { createRequire } from 'node:module';
import { makeExecutableSchema } from '@graphql-tools/schema';
import fc from 'fast-check';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { errorsOf, expectSameErrors, type Reported } from './jit-compare.test-support.js';

// graphql-jit (as patched, patches/README.md) against graphql-js for what a field's resolver may
// do — return a value, null or an Error, throw, return a promise that resolves or rejects — on a
// nullable or non-null field, at the root or in a list: clients must get what graphql-js gives
// them, the same data and the same errors at the same paths. (Session 9 tried calling resolvers
// in place, without graphql-jit's closures; it counted 1.5% more instructions and was dropped.)

const { execute, parse } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

type Behaviour = 'value' | 'null' | 'errorValue' | 'throws' | 'promise' | 'promiseOfNull' | 'rejects';
const BEHAVIOURS: readonly Behaviour[] = ['value', 'null', 'errorValue', 'throws', 'promise', 'promiseOfNull', 'rejects'];
const FIELDS = ['row', 'strictRow', 'value', 'strict', 'child', 'strictChild'] as const;
type Plan = Record<(typeof FIELDS)[number], Behaviour>;

function act(behaviour: Behaviour, value: unknown, name: string): unknown {
  switch (behaviour) {
    case 'value':
      return value;
    case 'null':
      return null;
    case 'errorValue':
      return new Error(`${name} returned an error`);
    case 'throws':
      throw new Error(`${name} threw`);
    case 'promise':
      return Promise.resolve(value);
    case 'promiseOfNull':
      return Promise.resolve(null);
    case 'rejects': {
      // graphql-js may stop awaiting once null propagation removed the field: marked handled.
      const rejected = Promise.reject(new Error(`${name} rejected`));
      rejected.catch(() => {});
      return rejected;
    }
  }
}

function schemaOf(plan: Plan) {
  const row = (n: number) => ({ n });
  return makeExecutableSchema({
    typeDefs: /* GraphQL */ `
      type Row { n: Int! value: Int strict: Int! child: Row strictChild: Row! }
      type Query { row: Row strictRow: Row! rows: [Row] }
    `,
    resolvers: {
      Query: {
        row: () => act(plan.row, row(1), 'row'),
        strictRow: () => act(plan.strictRow, row(2), 'strictRow'),
        rows: () => [row(3), row(4)],
      },
      Row: {
        value: (parent: { n: number }) => act(plan.value, parent.n * 10, 'value'),
        strict: (parent: { n: number }) => act(plan.strict, parent.n * 100, 'strict'),
        child: (parent: { n: number }) => act(plan.child, row(parent.n + 10), 'child'),
        strictChild: (parent: { n: number }) => act(plan.strictChild, row(parent.n + 20), 'strictChild'),
      },
    },
  });
}

const QUERY = `{
  row { n value strict child { n value strict } strictChild { n value } }
  rows { n value strict child { n strict } strictChild { n } }
}`;
const STRICT_QUERY = '{ strictRow { n value strictChild { n } } }';

async function bothWays(plan: Plan, query: string) {
  const schema = schemaOf(plan);
  const document = parse(query);
  const compiled = compileQuery(schema, document);
  if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit did not compile: ${JSON.stringify(compiled)}`);
  const jit = (await compiled.query(undefined, {}, {})) as { data?: unknown; errors?: Reported[] };
  const js = (await execute({ schema, document })) as { data?: unknown; errors?: readonly Reported[] };
  return { jit: { data: jit.data, errors: errorsOf(jit) }, js: { data: js.data, errors: errorsOf(js) } };
}

const plans = fc.record(
  Object.fromEntries(FIELDS.map((field) => [field, fc.constantFrom(...BEHAVIOURS)])) as Record<keyof Plan, fc.Arbitrary<Behaviour>>,
);

describe('graphql-jit resolver calls', () => {
  it('answers a throwing, failing or asynchronous resolver as graphql-js does, on any field', async () => {
    await fc.assert(
      fc.asyncProperty(plans, async (plan) => {
        for (const query of [QUERY, STRICT_QUERY]) {
          const { jit, js } = await bothWays(plan, query);
          expect(jit.data).toEqual(js.data);
          expectSameErrors(jit, js);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('nulls the field of a resolver that throws, with its error at its path', async () => {
    const plan = { row: 'value', strictRow: 'value', value: 'throws', strict: 'value', child: 'value', strictChild: 'throws' } as const;
    const { jit } = await bothWays(plan, '{ row { n value child { n } } rows { value } }');
    expect(jit.data).toEqual({ row: { n: 1, value: null, child: { n: 11 } }, rows: [{ value: null }, { value: null }] });
    expect(jit.errors).toEqual(['row.value: value threw', 'rows.0.value: value threw', 'rows.1.value: value threw']);
  });

  it('answers a resolver that returns at once as one that resolves later', async () => {
    const now = await bothWays(
      { row: 'value', strictRow: 'value', value: 'value', strict: 'value', child: 'value', strictChild: 'value' },
      QUERY,
    );
    const later = await bothWays(
      { row: 'promise', strictRow: 'promise', value: 'promise', strict: 'promise', child: 'promise', strictChild: 'promise' },
      QUERY,
    );
    expect(now.jit).toEqual(later.jit);
    expect(now.jit.errors).toEqual([]);
  });
});
