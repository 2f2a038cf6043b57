import { type DocumentNode, type GraphQLSchema, Kind, parse } from 'graphql';
import { composeSchema, type ResolverMap } from '../composer/index.js';
import type { ModuleInstance } from '../loader/index.js';

/** How the runtime builds a schema: the core SDL and resolvers with the modules given. */
export interface RuntimeComposition {
  /** The core SDL as one document (parsed once, at creation). */
  readonly coreDocument: DocumentNode;
  /**
   * The executable schema of the core with `modules` (in load order). Pure: nothing is swapped.
   * Throws SCHEMA_CONFLICT naming both contributors when two of them define the same coordinate.
   */
  compose(modules: Iterable<ModuleInstance>): GraphQLSchema;
}

/** The core SDL (`schema/*.graphql` as strings) parsed into one document. */
export function parseCoreDocument(typeDefs: string | readonly string[]): DocumentNode {
  const parts = typeof typeDefs === 'string' ? [typeDefs] : typeDefs;
  return { kind: Kind.DOCUMENT, definitions: parts.flatMap((part) => parse(part).definitions) };
}

/**
 * The composition of a started runtime: made by `start()`, once the server's resolvers exist
 * (they call the runtime and the installer, so they are built after both).
 *
 * @example createRuntimeComposition(parseCoreDocument(readCoreTypeDefs()), coreResolvers).compose(live.values())
 */
export function createRuntimeComposition(coreDocument: DocumentNode, coreResolvers: ResolverMap): RuntimeComposition {
  return {
    coreDocument,
    compose: (modules) =>
      composeSchema({
        core: { document: coreDocument, resolvers: coreResolvers },
        modules: [...modules].map((m) => ({ name: m.name, document: m.document, resolvers: m.resolvers })),
      }),
  };
}
