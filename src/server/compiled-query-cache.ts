import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { isWithinJitBudget, type JitBudget } from './jit-budget.js';

/** Measured on graphql-jit 0.8 with its JSON serializer: ~3 KB of heap per compiled field. */
const BYTES_PER_SELECTION = 4096;
const BYTES_PER_ENTRY = 2048;

export interface CompiledQueryCacheOptions {
  /** Heap the compiled queries of one schema may hold (default 32 MB). */
  maxBytes?: number;
  budget?: JitBudget;
}

/** `compiled: null`: graphql-jit cannot compile it — run it on graphql-js. */
type Entry = { compiled: CompiledQuery | null; bytes: number };

/**
 * Compiled queries per **schema object** (so after a swap the old schema's compiled queries,
 * and the module resolvers they close over, are never run again and go away with it) and per
 * parsed document, in an LRU bounded by estimated heap bytes rather than entry count: one huge
 * document cannot pin hundreds of MB. Documents over the JIT budget are never compiled.
 */
export function createCompiledQueryCache(
  compile: (schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined) => CompiledQuery | null,
  options: CompiledQueryCacheOptions = {},
) {
  const bySchema = new WeakMap<GraphQLSchema, LRUCache<DocumentNode, Entry>>();
  // Weak: an over-budget document can be huge, and remembering the verdict must not keep it alive.
  const overBudget = new WeakSet<DocumentNode>();
  const maxSize = options.maxBytes ?? 32 * 1024 * 1024;

  function cacheOf(schema: GraphQLSchema): LRUCache<DocumentNode, Entry> {
    let cache = bySchema.get(schema);
    if (!cache) {
      cache = new LRUCache<DocumentNode, Entry>({ maxSize, sizeCalculation: (entry) => entry.bytes });
      bySchema.set(schema, cache);
    }
    return cache;
  }

  return {
    /** The compiled query for this document, compiling it on first use when within budget. */
    get(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
      // One document may hold several operations; only the single-operation case is cached by document.
      const cacheable = document.definitions.filter((definition) => definition.kind === 'OperationDefinition').length === 1;
      const cache = cacheOf(schema);
      const hit = cacheable ? cache.get(document) : undefined;
      if (hit) return hit.compiled;
      if (overBudget.has(document)) return null;
      const { within, cost } = isWithinJitBudget(document, options.budget);
      if (!within) {
        overBudget.add(document);
        return null;
      }
      const compiled = compile(schema, document, operationName);
      const bytes = BYTES_PER_ENTRY + (compiled && cost ? cost.selections * BYTES_PER_SELECTION : 0);
      if (cacheable && bytes <= maxSize) cache.set(document, { compiled, bytes });
      return compiled;
    },
  };
}
