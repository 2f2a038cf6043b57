import { defineModule } from 'a64-platform/sdk';
import { animalFields, animalMutations, animalQueries } from './animals.js';
import { collections } from './documents.js';
import { recordFields, recordMutations } from './records.js';
import { typeDefs } from './schema.graphql.js';

export default defineModule({
  typeDefs,
  resolvers: {
    Query: animalQueries,
    Mutation: { ...animalMutations, ...recordMutations },
    Animal: animalFields,
    ...recordFields,
  },
  migrations: [
    {
      id: '001-indexes',
      async up(handle) {
        const { animals, healthEvents, weights } = collections(handle);
        // The unique index backs the tag check against two concurrent creates.
        await animals.createIndex({ fields: { speciesKey: 1, tag: 1 }, unique: true });
        await healthEvents.createIndex({ fields: { animalId: 1 } });
        await weights.createIndex({ fields: { animalId: 1 } });
      },
    },
  ],
});
