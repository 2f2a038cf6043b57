// Animal Manager 1.0.0 as released: tags compared exactly ("DE-001" and "de-001" were two animals).
// Only the demo registry carries it (scripts/build-demo.mjs), next to 1.1.0 built from ../../src,
// so a newcomer can install 1.0.0 and then upgrade and see migration 002 run.
import { defineModule } from 'a64-platform/sdk';
import { animalFields, animalResolvers, type TagKey } from '../../src/animals.js';
import { createIndexes } from '../../src/migrations.js';
import { recordFields, recordMutations } from '../../src/records.js';
import { typeDefs } from '../../src/schema.graphql.js';

const exactTag: TagKey = (tag) => tag;
const animals = animalResolvers(exactTag);

export default defineModule({
  typeDefs,
  resolvers: {
    Query: animals.queries,
    Mutation: { ...animals.mutations, ...recordMutations },
    Animal: animalFields,
    ...recordFields,
  },
  migrations: [createIndexes],
});
