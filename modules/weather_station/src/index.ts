import { defineModule } from 'a64-platform/sdk';
import { weatherResolvers } from './readings.js';
import { typeDefs } from './schema.graphql.js';

export default defineModule({
  typeDefs,
  resolvers: weatherResolvers,
  migrations: [
    {
      id: '001-indexes',
      async up(handle) {
        await handle.store.collection('weather_readings').createIndex({ fields: { stationKey: 1, takenAt: -1 } });
      },
    },
  ],
});
