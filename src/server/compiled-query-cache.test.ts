import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { createCompiledQueryCache } from './compiled-query-cache.js';

const schema = makeExecutableSchema({ typeDefs: 'type Query { a: Int b: Int }' });
const fake = { query: () => ({ data: {} }), stringify: JSON.stringify } as unknown as CompiledQuery;

function counting() {
  const compiled: string[] = [];
  const compile = (_schema: unknown, document: { loc?: { source: { body: string } } }) => {
    compiled.push(document.loc!.source.body);
    return fake;
  };
  return { compiled, compile };
}

describe('createCompiledQueryCache', () => {
  it('compiles a document once per schema and again for a new schema', () => {
    const { compiled, compile } = counting();
    const cache = createCompiledQueryCache(compile);
    const document = parse('{ a }');
    expect(cache.get(schema, document, undefined)).toBe(fake);
    expect(cache.get(schema, document, undefined)).toBe(fake);
    cache.get(makeExecutableSchema({ typeDefs: 'type Query { a: Int }' }), document, undefined);
    expect(compiled).toEqual(['{ a }', '{ a }']);
  });

  it('never compiles a document over the JIT budget', () => {
    const { compiled, compile } = counting();
    const cache = createCompiledQueryCache(compile, { budget: { maxSelections: 2, maxAliases: 10, maxFragmentSpreads: 10 } });
    expect(cache.get(schema, parse('{ a b x: a }'), undefined)).toBeNull();
    expect(compiled).toEqual([]);
  });

  it('is bounded by estimated bytes: filling it evicts the least recently used compiled query', () => {
    const { compiled, compile } = counting();
    // Each one-field entry is estimated at 2 KB + 4 KB; 16 KB hold two.
    const cache = createCompiledQueryCache(compile, { maxBytes: 16 * 1024 });
    const documents = ['{ a }', '{ b }', '{ x: a }'].map((text) => parse(text));
    for (const document of documents) cache.get(schema, document, undefined);
    cache.get(schema, documents[0]!, undefined);
    expect(compiled).toEqual(['{ a }', '{ b }', '{ x: a }', '{ a }']);
  });
});
