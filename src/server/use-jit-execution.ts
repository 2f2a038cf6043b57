import type { DocumentNode, GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { endRequestScope } from '../plugins/composer/request-scope.js';
import { compileResultSerializer } from './compile-result-serializer.js';
import { createCompiledQueryCache } from './compiled-query-cache.js';

type CompiledResult = ReturnType<CompiledQuery['query']> extends infer R ? Awaited<R> : never;

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>)?.then === 'function';
}

/**
 * The execution is over: its request scope ends (module loaders forget their reads, so they do
 * not outlive the request — request-scope.ts), and the result gets its serializer. Yoga
 * serializes with `result.stringify` when present. The compiled serializer knows only the data's
 * shape, so it is used for error-free results; errors (with their extensions) keep JSON.stringify.
 * Here rather than in an `onExecuteDone` hook of its own: with the hook, the flat list (which has
 * no loaders) measured slower; here it costs one property read (docs/performance.md, session 13).
 */
function finishExecution(result: CompiledResult, compiled: CompiledQuery, contextValue: unknown): CompiledResult {
  endRequestScope(contextValue);
  if (!result.errors?.length) Object.defineProperty(result, 'stringify', { value: compiled.stringify, enumerable: false });
  return result;
}

export interface UseJitExecutionOptions {
  /**
   * Serialize error-free results with a serializer compiled per query (fast-json-stringify; knows
   * DateTime and JSON). Default false: its output is a rope string that costs more to write to the
   * socket than it saves — JSON.stringify + bytes was 1.5–2× cheaper for 100–300 rows
   * (docs/performance.md).
   */
  compiledSerializer?: boolean;
}

/**
 * Executes queries and mutations with graphql-jit, only for documents within the JIT budget
 * (jit-budget.ts: graphql-jit's compile grows exponentially with nested fragment spreads and
 * quadratically with aliases); the rest, and documents graphql-jit cannot compile, run on
 * graphql-js. Compiled queries are cached per **schema object** and per parsed document (yoga's
 * parse cache hands back the same DocumentNode for the same text), in a memory-bounded cache
 * (compiled-query-cache.ts), so after a swap the old schema's compiled queries — and the old
 * module resolvers they close over — are never run again.
 */
export function useJitExecution(options: UseJitExecutionOptions = {}): Plugin {
  const cache = createCompiledQueryCache((schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined) => {
    const result = compileQuery(schema, document, operationName);
    const compiled = isCompiledQuery(result) ? result : null;
    // graphql-jit's own compiled serializer refuses custom scalars (DateTime, JSON); ours knows them.
    if (compiled)
      compiled.stringify = options.compiledSerializer ? compileResultSerializer(schema, document, operationName) : JSON.stringify;
    return compiled;
  });

  return {
    onExecute({ args, setExecuteFn }) {
      const compiled = cache.get(args.schema, args.document, args.operationName ?? undefined);
      if (!compiled) return;
      setExecuteFn((execution) => {
        const { contextValue } = execution;
        const result = compiled.query(execution.rootValue, contextValue, execution.variableValues ?? {});
        return isPromise(result)
          ? result.then((done) => finishExecution(done, compiled, contextValue))
          : finishExecution(result, compiled, contextValue);
      });
    },
  };
}
