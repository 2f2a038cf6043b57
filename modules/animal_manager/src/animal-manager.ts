import { defineModule, type ModuleMigration } from 'a64-platform/sdk';
import { animalFields, animalResolvers, type TagKey } from './animals.js';
import { recordFields, recordMutations } from './records.js';
import { typeDefs } from './schema.graphql.js';

/**
 * Animal Manager's definition for one release: how tags compare, and the migrations it ships.
 * `src/index.ts` is the current release; `releases/1.0.0/` the first one, kept for the demo.
 */
export function animalManager(tagKey: TagKey, migrations: ModuleMigration[]) {
  const animals = animalResolvers(tagKey);
  return defineModule({
    typeDefs,
    resolvers: {
      Query: animals.queries,
      Mutation: { ...animals.mutations, ...recordMutations },
      Animal: animalFields,
      ...recordFields,
    },
    migrations,
  });
}
