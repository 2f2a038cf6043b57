import { defineModule } from 'a64-platform/sdk';
import { collections } from './documents.js';
import { itemFields, itemMutations, itemQueries } from './items.js';
import { movementFields, movementMutations, movementQueries } from './movements.js';
import { typeDefs } from './schema.graphql.js';

export default defineModule({
  typeDefs,
  resolvers: {
    Query: { ...itemQueries, ...movementQueries },
    Mutation: { ...itemMutations, ...movementMutations },
    InventoryItem: itemFields,
    StockMovement: movementFields,
  },
  migrations: [
    {
      id: '001-indexes',
      async up(handle) {
        const { items, movements } = collections(handle);
        // Backs the SKU check against two concurrent creates.
        await items.createIndex({ fields: { sku: 1 }, unique: true });
        await movements.createIndex({ fields: { itemId: 1 } });
        await movements.createIndex({ fields: { sku: 1 } });
      },
    },
  ],
});
