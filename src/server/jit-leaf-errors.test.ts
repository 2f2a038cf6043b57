import { createRequire } from 'node:module';
import { makeExecutableSchema } from '@graphql-tools/schema';
import fc from 'fast-check';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { DateTimeScalar } from './resolvers/scalars.js';

// Lists are compiled by graphql-jit, and each leaf of each row checks its own value. These are
// the ways a leaf goes wrong: a null in a non-null leaf, an Error as a leaf's value, a value its
// scalar refuses — at the top, in a list and in a list of lists, nullable and not. The data must
// be graphql-js's, and so must every error graphql-js reports. graphql-jit also reports the errors
// inside a subtree that null propagation removed (graphql-js stops at the first): 0.8.9 gives
// exactly the lists below, so an upgrade that changes what clients see fails here.

// The copy of graphql that @graphql-tools and graphql-jit load (CJS); vitest's own resolution of
// 'graphql' would hand this file the ESM copy, which refuses a schema built by the other.
const { buildSchema, execute, parse } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const schema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    scalar DateTime
    type Cell { n: Int! maybe: Int at: DateTime! label: String }
    type Row { id: ID! cells: [Cell!]! note: String }
    type Query { rows: [Row]! grid: [[Cell]] top: Int! topNullable: Float }
  `,
  resolvers: {
    DateTime: DateTimeScalar,
    Query: {
      top: () => null,
      topNullable: () => 'not a number',
      rows: () => [
        { id: 'r1', note: new Error('note broke'), cells: [{ n: 1, maybe: 2, at: '2026-11-25T06:00:00.000Z', label: 'ok' }] },
        { id: 'r2', note: null, cells: [{ n: null, maybe: 'x', at: '2026-11-25T06:00:00.000Z', label: new Error('label broke') }] },
        { id: null, note: 'fine', cells: [] },
      ],
      grid: () => [[{ n: 3, maybe: 4, at: 'not a date', label: 7 }], [null, { n: 'seven', at: new Date(0) }]],
    },
  },
});

type Reported = { message: string; locations?: unknown; path?: unknown };

/** Errors as "path message" lines, sorted: the order graphql-jit reports them in is its own. */
const reported = (errors: readonly Reported[] | undefined) =>
  (errors ?? []).map(({ message, path }) => `${JSON.stringify(path)} ${message}`).sort();

function bothWays(query: string) {
  const document = parse(query);
  const compiled = compileQuery(schema, document);
  if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit did not compile: ${JSON.stringify(compiled)}`);
  const errorsOf = (result: { errors?: readonly Reported[] }) =>
    (result.errors ?? []).map(({ message, locations, path }) => ({ message, locations, path }));
  const jit = compiled.query(undefined, {}, {}) as { data?: unknown; errors?: Reported[] };
  const js = execute({ schema, document }) as { data?: unknown; errors?: readonly Reported[] };
  return { jit: { data: jit.data, errors: errorsOf(jit) }, js: { data: js.data, errors: errorsOf(js) } };
}

describe('graphql-jit leaf errors', () => {
  it.each([
    {
      name: 'top-level leaves',
      query: '{ top topNullable }',
      reported: [
        ['Float cannot represent non numeric value: "not a number"', ['topNullable']],
        ['Cannot return null for non-nullable field Query.top.', ['top']],
      ],
    },
    {
      name: 'leaves in a list',
      query: '{ rows { id note cells { n maybe at label } } }',
      reported: [
        ['note broke', ['rows', 0, 'note']],
        ['Int cannot represent non-integer value: "x"', ['rows', 1, 'cells', 0, 'maybe']],
        ['label broke', ['rows', 1, 'cells', 0, 'label']],
        ['Cannot return null for non-nullable field Cell.n.', ['rows', 1, 'cells', 0, 'n']],
        ['Cannot return null for non-nullable field Row.id.', ['rows', 2, 'id']],
      ],
    },
    {
      name: 'leaves in a list of lists',
      query: '{ grid { n maybe at label } }',
      reported: [
        ['DateTime expects an ISO 8601 date-time such as 2026-11-25T06:00:00Z; got "not a date".', ['grid', 0, 0, 'at']],
        ['Int cannot represent non-integer value: "seven"', ['grid', 1, 1, 'n']],
      ],
    },
  ])('$name: graphql-js’s data and errors, with locations and paths', ({ query, reported }) => {
    const { jit, js } = bothWays(query);
    expect(jit.data).toEqual(js.data);
    expect(js.errors.length).toBeGreaterThan(0);
    for (const error of js.errors) expect(jit.errors).toContainEqual(error);
    expect(jit.errors.map(({ message, path }) => [message, path])).toEqual(reported);
    for (const error of jit.errors) expect(error.locations).toEqual([expect.objectContaining({ line: 1 })]);
  });
});

// graphql-jit is patched (patches/graphql-jit+0.8.9.patch) to take a value already of a built-in
// scalar's JSON type as is, without calling the scalar's serializer. Any value at all must still
// come out as graphql-js gives it: the same data, the same errors at the same paths.
describe('graphql-jit built-in scalar leaves, as patched', () => {
  const scalars = buildSchema('type Row { s: String i: Int f: Float b: Boolean id: ID } type Query { rows: [Row] }');
  const anyValue = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 31 - 1, Number.NaN, Number.POSITIVE_INFINITY, -0, 1.5, '12', 'true', ''),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
    fc.array(fc.integer(), { maxLength: 2 }),
    fc.constant({ valueOf: () => 7 }),
  );
  const row = fc.record({ s: anyValue, i: anyValue, f: anyValue, b: anyValue, id: anyValue });
  const query = parse('{ rows { s i f b id } }');

  it('compiles the leaves of built-in scalars with the patched check', () => {
    const compiled = compileQuery(scalars, query, undefined, { debug: true } as never) as unknown as Record<string, string>;
    expect(compiled.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation).toMatch(/function String\w*Leaf\(/);
  });

  it('gives graphql-js’s data and errors for any values', () => {
    const compiled = compileQuery(scalars, query);
    if (!isCompiledQuery(compiled)) throw new Error('graphql-jit did not compile');
    fc.assert(
      fc.property(fc.array(row, { maxLength: 4 }), (rows) => {
        const rootValue = { rows };
        const jit = compiled.query(rootValue, {}, {}) as { data?: unknown; errors?: Reported[] };
        const js = execute({ schema: scalars, document: query, rootValue }) as { data?: unknown; errors?: readonly Reported[] };
        expect(jit.data).toEqual(js.data);
        expect(reported(jit.errors)).toEqual(reported(js.errors));
      }),
      { numRuns: 300 },
    );
  });
});

// The same patch sends a leaf of an enum or a custom scalar straight to its serializer when the
// value is neither null nor an Error; null and Errors take graphql-jit's own check. Either way the
// answer must be graphql-js's.
describe('graphql-jit enum and custom scalar leaves, as patched', () => {
  const typeDefs = /* GraphQL */ `
    scalar DateTime
    enum State { OPEN SHUT }
    enum Level { LOW HIGH NONE }
    type Row { state: State at: DateTime level: Level }
    type Strict { state: State! at: DateTime! level: Level! }
    type Query { rows: [Row] strict: [Strict] }
  `;
  // Internal enum values differ from their names, so a value that is only the name is refused;
  // Level's are numbers, and one is null (which a field holding null must not be taken for).
  const leaves = makeExecutableSchema({
    typeDefs,
    resolvers: { DateTime: DateTimeScalar, State: { OPEN: 'open', SHUT: 'shut' }, Level: { LOW: 0, HIGH: 1, NONE: null } },
  });
  const anyValue = fc.oneof(
    fc.constantFrom('open', 'shut', 'OPEN', 'nope', '2026-11-25T06:00:00.000Z', '2026-11-25', '', null, undefined, 0, true),
    fc.string({ maxLength: 4 }).map((message) => new Error(message || 'broke')),
    fc.date({ noInvalidDate: true }),
    fc.integer(),
    fc.constant({ valueOf: () => 'open' }),
  );
  const rows = fc.array(fc.record({ state: anyValue, at: anyValue, level: fc.oneof(anyValue, fc.constantFrom(0, 1, -0, 2)) }), {
    maxLength: 4,
  });
  const run = (query: string, rootValue: unknown) => {
    const document = parse(query);
    const compiled = compileQuery(leaves, document);
    if (!isCompiledQuery(compiled)) throw new Error('graphql-jit did not compile');
    const jit = compiled.query(rootValue, {}, {}) as { data?: unknown; errors?: Reported[] };
    const js = execute({ schema: leaves, document, rootValue }) as { data?: unknown; errors?: readonly Reported[] };
    return { jit, js };
  };

  it('compiles enum and DateTime leaves to a function that calls the serializer directly', () => {
    const compiled = compileQuery(leaves, parse('{ rows { state at } }'), undefined, { debug: true } as never) as unknown as Record<
      string,
      string
    >;
    expect(compiled.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation).toMatch(/function State\w*Leaf\(/);
    expect(compiled.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation).toMatch(/function DateTime\w*Leaf\(/);
  });

  it('gives graphql-js’s data and errors for any values in nullable leaves', () => {
    fc.assert(
      fc.property(rows, (list) => {
        const { jit, js } = run('{ rows { state at level } }', { rows: list });
        expect(jit.data).toEqual(js.data);
        expect(reported(jit.errors)).toEqual(reported(js.errors));
      }),
      { numRuns: 300 },
    );
  });

  it('gives graphql-js’s data and reports its errors for any values in non-null leaves', () => {
    fc.assert(
      fc.property(rows, (list) => {
        const { jit, js } = run('{ strict { state at level } }', { strict: list });
        expect(jit.data).toEqual(js.data);
        // graphql-jit also reports the second bad leaf of a row that null propagation removed.
        for (const error of reported(js.errors)) expect(reported(jit.errors)).toContain(error);
      }),
      { numRuns: 300 },
    );
  });
});
