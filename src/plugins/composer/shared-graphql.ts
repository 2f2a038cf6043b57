import { createRequire } from 'node:module';

/**
 * The one `graphql` instance schemas must be built with. graphql@16 ships CommonJS (`main`) and
 * ESM (`module`) copies without an `exports` map: Node, @graphql-tools and graphql-yoga load the
 * CommonJS one, while bundler-style resolvers (vitest) hand our sources the ESM one, and a schema
 * built by one copy fails the other's `instanceof` checks. Loading it through `require` gives the
 * copy everyone else uses in every setting (in plain Node it is the same module as `import`).
 */
export const sharedGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
