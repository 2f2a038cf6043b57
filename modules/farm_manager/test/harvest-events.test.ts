import { fileURLToPath } from 'node:url';
import { createTestPlatform } from 'a64-platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const farmDir = fileURLToPath(new URL('..', import.meta.url));
const listenerDir = fileURLToPath(new URL('./fixtures/harvest_listener', import.meta.url));

describe('farm_manager: onHarvest service', () => {
  let platform: Awaited<ReturnType<typeof createTestPlatform>>;
  let token: string;
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const result = await platform.graphql<T>(query, variables, { token });
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };

  beforeAll(async () => {
    platform = await createTestPlatform({ modules: [farmDir, listenerDir] });
    token = await platform.loginAsAdmin();
  });
  afterAll(() => platform?.close());

  it('tells a dependent module about every harvest in-process, and stops after it is disabled', async () => {
    const { createFarm } = await gql<{ createFarm: { id: string } }>(
      'mutation { createFarm(input: { name: "Listener Farm", areaHectares: 1 }) { id } }',
    );
    const { createFarmBlock } = await gql<{ createFarmBlock: { id: string } }>(
      'mutation($f: ID!) { createFarmBlock(input: { farmId: $f, name: "L1", areaHectares: 1 }) { id } }',
      { f: createFarm.id },
    );
    const { plantData } = await gql<{ plantData: { id: string }[] }>('{ plantData(search: "cucumber") { id } }');
    for (const state of ['PLANTED', 'GROWING', 'HARVESTING']) {
      await gql(
        'mutation($b: ID!, $s: FarmBlockState!, $p: ID) { changeFarmBlockState(id: $b, input: { state: $s, plantId: $p }) { state } }',
        {
          b: createFarmBlock.id,
          s: state,
          p: plantData[0]!.id,
        },
      );
    }
    const harvest = 'mutation($b: ID!, $q: Float!) { recordHarvest(input: { blockId: $b, quantityKg: $q }) { id } }';
    const { recordHarvest } = await gql<{ recordHarvest: { id: string } }>(harvest, { b: createFarmBlock.id, q: 120 });
    expect(await gql('{ heardHarvests { harvestId quantityKg } }')).toEqual({
      heardHarvests: [{ harvestId: recordHarvest.id, quantityKg: 120 }],
    });

    await gql('mutation { disableModule(name: "harvest_listener") { state } }');
    await gql(harvest, { b: createFarmBlock.id, q: 80 });
    await gql('mutation { enableModule(name: "harvest_listener") { state } }');
    // The disabled listener heard nothing; re-enabled, it subscribed again (once, not twice).
    await gql(harvest, { b: createFarmBlock.id, q: 200 });
    const { heardHarvests } = await gql<{ heardHarvests: { quantityKg: number }[] }>('{ heardHarvests { quantityKg } }');
    expect(heardHarvests.map((heard) => heard.quantityKg)).toEqual([120, 200]);
  });
});
