import type { GraphQLSchema } from 'graphql';

export interface LiveSchema {
  readonly schema: GraphQLSchema;
  /** Increases by one on every swap (`platform.schemaVersion`). */
  readonly version: number;
}

/**
 * Holds the executable schema behind one reference. Yoga reads `current()` once per request, so
 * a request runs start to end on the schema that was live when it began; `swap` never mutates a
 * schema in use, it replaces the reference.
 */
export interface SchemaHolder {
  current(): LiveSchema;
  /** Makes `schema` live for every request that starts from now on; returns the new version. */
  swap(schema: GraphQLSchema): number;
  /** Called after each swap (e.g. to log or to notify subscribers). Returns a disposer. */
  onSwap(listener: (live: LiveSchema) => void): () => void;
}

export function createSchemaHolder(initial: GraphQLSchema, initialVersion = 1): SchemaHolder {
  let live: LiveSchema = { schema: initial, version: initialVersion };
  const listeners = new Set<(live: LiveSchema) => void>();
  return {
    current: () => live,
    swap(schema) {
      live = { schema, version: live.version + 1 };
      for (const listener of listeners) listener(live);
      return live.version;
    },
    onSwap(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
