import { defineModule } from 'a64-platform/sdk';
import { alertFields, alertMutations, alertQueries } from './alerts.js';
import { analyticsQueries } from './analytics.js';
import { blockFields, blockMutations, blockQueries } from './blocks.js';
import { evaluateAlerts } from './evaluate-alerts.js';
import { farmFields, farmMutations, farmQueries } from './farms.js';
import { archiveFields, archiveQueries, harvestFields, harvestMutations, harvestQueries } from './harvests.js';
import { migrations } from './migrations.js';
import { plantFields, plantMutations, plantQueries } from './plant-data.js';
import { typeDefs } from './schema.graphql.js';
import { createFarmServices } from './services.js';

/** How often the alert rules run while the module is enabled. */
const ALERT_INTERVAL_MS = 15 * 60_000;

export default defineModule({
  typeDefs,
  resolvers: {
    Query: { ...farmQueries, ...blockQueries, ...plantQueries, ...harvestQueries, ...archiveQueries, ...alertQueries, ...analyticsQueries },
    Mutation: { ...farmMutations, ...blockMutations, ...plantMutations, ...harvestMutations, ...alertMutations },
    Farm: farmFields,
    FarmBlock: blockFields,
    PlantData: plantFields,
    Harvest: harvestFields,
    BlockArchive: archiveFields,
    FarmAlert: alertFields,
  },
  migrations,
  services: createFarmServices,
  onEnable(handle) {
    handle.every(ALERT_INTERVAL_MS, async () => {
      const raised = await evaluateAlerts(handle, new Date());
      if (raised.length > 0) handle.logger.info('alert rules raised alerts', { count: raised.length });
    });
  },
});
