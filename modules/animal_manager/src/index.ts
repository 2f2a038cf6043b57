import { defineModule } from 'a64-platform/sdk';
import { animalFields, animalResolvers, caseInsensitiveTag } from './animals.js';
import { caseInsensitiveTags, createIndexes } from './migrations.js';
import { recordFields, recordMutations } from './records.js';
import { typeDefs } from './schema.graphql.js';

const animals = animalResolvers(caseInsensitiveTag);

export default defineModule({
  typeDefs,
  resolvers: {
    Query: animals.queries,
    Mutation: { ...animals.mutations, ...recordMutations },
    Animal: animalFields,
    ...recordFields,
  },
  migrations: [createIndexes, caseInsensitiveTags(caseInsensitiveTag)],
});
