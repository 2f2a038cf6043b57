import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileResultSerializer } from './compile-result-serializer.js';
import { DateTimeScalar, JsonScalar } from './resolvers/scalars.js';
import { useJitExecution } from './use-jit-execution.js';

const AT = '2026-11-25T06:00:00.000Z';
const DETAILS = { nested: { list: [1, 'two', null, { three: true }] }, quote: 'say "hi"\n', unicode: 'ß✓' };

const schema = makeExecutableSchema({
  typeDefs: `
    scalar DateTime
    scalar JSON
    enum Kind { PLANT ANIMAL }
    interface Thing { id: ID! }
    type Plant implements Thing { id: ID! at: DateTime! kind: Kind! height: Float }
    type Animal implements Thing { id: ID! at: DateTime details: JSON legs: Int! }
    union Any = Plant | Animal
    type Query { things: [Thing!]! any: [Any!]! details: JSON at: DateTime! }`,
  resolvers: {
    DateTime: DateTimeScalar,
    JSON: JsonScalar,
    Thing: { __resolveType: (thing: { legs?: number }) => (thing.legs === undefined ? 'Plant' : 'Animal') },
    Any: { __resolveType: (thing: { legs?: number }) => (thing.legs === undefined ? 'Plant' : 'Animal') },
    Query: {
      things: () => [
        { id: 'p1', at: new Date(AT), kind: 'PLANT', height: 1.5 },
        { id: 'a1', at: AT, details: DETAILS, legs: 4 },
        { id: 'a2', at: null, details: null, legs: 2 },
      ],
      any: () => [{ id: 'p2', at: AT, kind: 'ANIMAL', height: null }],
      details: () => DETAILS,
      at: () => AT,
    },
  },
});

const QUERIES = [
  '{ at details }',
  '{ things { id __typename ... on Plant { at kind height } ... on Animal { when: at details legs } } }',
  'query Named { any { ...P ... on Animal { legs } } } fragment P on Plant { id at kind height }',
  '{ things { id } at }',
];

afterEach(() => vi.restoreAllMocks());

/** The answer graphql-js gives (yoga without jit), as text: what JSON.stringify writes. */
async function answer(yoga: ReturnType<typeof createYoga>, query: string): Promise<string> {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return response.text();
}

const plainYoga = createYoga({ schema, logging: false });

describe('compileResultSerializer', () => {
  it.each(QUERIES)('writes the same JSON as JSON.stringify, DateTime and JSON included: %s', async (query) => {
    const text = await answer(plainYoga, query);
    expect(text).not.toContain('"errors"');
    expect(compileResultSerializer(schema, parse(query))(JSON.parse(text))).toBe(text);
  });

  it('with compiledSerializer, serves DateTime and JSON answers through yoga + jit with it, never JSON.stringify of the whole result', async () => {
    const yoga = createYoga({ schema, plugins: [useJitExecution({ compiledSerializer: true })], logging: false });
    for (const query of QUERIES) {
      const stringify = vi.spyOn(JSON, 'stringify');
      const text = await answer(yoga, query);
      const whole = stringify.mock.calls.filter(([value]) => typeof value === 'object' && value !== null && 'data' in value);
      expect(whole).toEqual([]);
      stringify.mockRestore();
      expect(text).toBe(await answer(plainYoga, query));
    }
  });
});
