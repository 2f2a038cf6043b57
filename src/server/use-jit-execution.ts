import type { DocumentNode, GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { createCompiledQueryCache } from './compiled-query-cache.js';

type CompiledResult = ReturnType<CompiledQuery['query']> extends infer R ? Awaited<R> : never;

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>)?.then === 'function';
}

/**
 * Yoga serializes with `result.stringify` when present. The compiled serializer knows only the
 * data's shape, so it is used for error-free results; errors (with their extensions) keep
 * JSON.stringify.
 */
function withSerializer(result: CompiledResult, compiled: CompiledQuery): CompiledResult {
  if (!result.errors?.length) Object.defineProperty(result, 'stringify', { value: compiled.stringify, enumerable: false });
  return result;
}

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
  // customJSONSerializer: a fast-json-stringify serializer built from the query's shape. It
  // refuses custom scalars (DateTime, JSON), so such queries compile again without it rather
  // than falling back to graphql-js.
  const withFastJson = compileQuery(schema, document, operationName, { customJSONSerializer: true });
  const result = isCompiledQuery(withFastJson) ? withFastJson : compileQuery(schema, document, operationName);
  return isCompiledQuery(result) ? result : null;
}

/**
 * Executes queries and mutations with graphql-jit, only for documents within the JIT budget
 * (jit-budget.ts: graphql-jit's compile grows exponentially with nested fragment spreads and
 * quadratically with aliases); the rest, and documents graphql-jit cannot compile, run on
 * graphql-js. Compiled queries live in a memory-bounded cache per schema object and parsed
 * document (compiled-query-cache.ts).
 */
export function useJitExecution(): Plugin {
  const cache = createCompiledQueryCache(compile);
  return {
    onExecute({ args, setExecuteFn }) {
      const compiled = cache.get(args.schema, args.document, args.operationName ?? undefined);
      if (!compiled) return;
      setExecuteFn((execution) => {
        const result = compiled.query(execution.rootValue, execution.contextValue, execution.variableValues ?? {});
        return isPromise(result) ? result.then((done) => withSerializer(done, compiled)) : withSerializer(result, compiled);
      });
    },
  };
}
