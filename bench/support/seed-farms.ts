import type { TestPlatform } from '../../test/support/start-test-platform.js';

export const FARMS = 100;
export const BLOCKS_PER_FARM = 2;

/** The two list-heavy queries of the bench, by name. */
export const FARM_QUERIES = {
  /** One page of 100 farms, scalar fields only. */
  flat: '{ farms(first: 100) { items { id name areaHectares manager active notes createdAt updatedAt } totalCount nextCursor } }',
  /** The same page with each farm's location and blocks. */
  nested: `{ farms(first: 100) { totalCount nextCursor items {
  id name areaHectares manager active createdAt location { latitude longitude }
  blocks { id farmId name state areaHectares cycle allowedNextStates createdAt } } } }`,
} as const;

/**
 * The platform settings of the list benches: the three first-party modules, and a query-cost
 * limit above the nested query's estimate (~6,400 against the default 5,000), which measures
 * serving the page, not refusing it.
 */
export const LIST_BENCH_ENV = { ENABLED_MODULES: 'farm_manager,animal_manager,inventory', MAX_QUERY_COST: '100000' };

/** Creates FARMS farms of BLOCKS_PER_FARM blocks each through GraphQL. */
export async function seedFarms(platform: Pick<TestPlatform, 'gql'>, token: string): Promise<void> {
  for (let i = 0; i < FARMS; i++) {
    const farm = await platform.gql<{ createFarm: { id: string } }>(
      'mutation($input: CreateFarmInput!) { createFarm(input: $input) { id } }',
      { input: { name: `Farm ${i}`, areaHectares: 10 + i, manager: `M${i}`, location: { latitude: 50 + i / 100, longitude: 8 } } },
      token,
    );
    if (!farm.data) throw new Error(`seeding failed: ${JSON.stringify(farm.errors)}`);
    for (let b = 0; b < BLOCKS_PER_FARM; b++) {
      const block = await platform.gql(
        'mutation($input: CreateFarmBlockInput!) { createFarmBlock(input: $input) { id } }',
        { input: { farmId: farm.data.createFarm.id, name: `Block ${b}`, areaHectares: 1 + b } },
        token,
      );
      if (block.errors) throw new Error(`seeding failed: ${JSON.stringify(block.errors)}`);
    }
  }
}
