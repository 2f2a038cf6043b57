import type { ModuleDefinition } from './types.js';

/**
 * Declares a module. Only adds types: a plain default-exported object of the same shape works too.
 *
 * @example
 * export default defineModule({
 *   typeDefs: 'extend type Query { hello: String! }',
 *   resolvers: { Query: { hello: () => 'world' } },
 * });
 */
export function defineModule<T extends ModuleDefinition>(definition: T): T {
  return definition;
}
