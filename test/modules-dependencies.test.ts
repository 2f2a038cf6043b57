import { fileURLToPath } from 'node:url';
import { createTestPlatform } from 'a64-platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const moduleDir = (name: string) => fileURLToPath(new URL(`../modules/${name}`, import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: tests read GraphQL responses loosely; the assertions check their shape.
type Result = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

describe('first-party modules: Inventory depends on Farm Manager', () => {
  let platform: Awaited<ReturnType<typeof createTestPlatform>>;
  let admin: string;
  const gql = (query: string, variables: Record<string, unknown> = {}) =>
    platform.graphql(query, variables, { token: admin }) as Promise<Result>;

  beforeAll(async () => {
    platform = await createTestPlatform({ modules: [moduleDir('farm_manager'), moduleDir('inventory'), moduleDir('animal_manager')] });
    admin = await platform.loginAsAdmin();
  });
  afterAll(() => platform?.close());

  it('all three load together without schema conflicts', async () => {
    const states = await gql('{ modules { name state } }');
    const byName = Object.fromEntries((states.data!.modules as { name: string; state: string }[]).map((m) => [m.name, m.state]));
    expect(byName).toMatchObject({ farm_manager: 'ENABLED', inventory: 'ENABLED', animal_manager: 'ENABLED' });
  });

  it('refuses to disable Farm Manager while Inventory is enabled, and keeps data across disable and enable', async () => {
    const farm = await gql('mutation { createFarm(input: { name: "Survivor", areaHectares: 1 }) { id } }');
    const farmId = farm.data!.createFarm.id;
    await gql('mutation { createInventoryItem(input: { sku: "KEEP-1", name: "Kept", unit: "kg", quantity: 5 }) { sku } }');

    const refused = await gql('mutation { disableModule(name: "farm_manager") { state } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('DEPENDENTS_ENABLED');
    expect(refused.errors?.[0]?.message).toContain(
      'Cannot disable farm_manager: the enabled module inventory depends on it. Disable it first.',
    );

    expect((await gql('mutation { disableModule(name: "inventory") { state } }')).data).toEqual({ disableModule: { state: 'DISABLED' } });
    expect((await gql('mutation { disableModule(name: "farm_manager") { state } }')).data).toEqual({
      disableModule: { state: 'DISABLED' },
    });
    const gone = await gql('{ farms { totalCount } }');
    expect(gone.errors?.[0]?.message).toMatch(/Cannot query field "farms"/);

    // Inventory cannot come back before what it depends on.
    const early = await gql('mutation { enableModule(name: "inventory") { state } }');
    expect(early.errors?.[0]?.extensions?.code).toBe('DEPENDENCY_UNSATISFIED');

    await gql('mutation { enableModule(name: "farm_manager") { state } }');
    await gql('mutation { enableModule(name: "inventory") { state } }');
    const back = await gql('query($id: ID!) { farm(id: $id) { name } inventoryItem(sku: "KEEP-1") { quantity } plantData { id } }', {
      id: farmId,
    });
    expect(back.data!.farm).toEqual({ name: 'Survivor' });
    expect(back.data!.inventoryItem).toEqual({ quantity: 5 });
    // The plant-data seed ran once: re-enabling does not duplicate the crops.
    expect(back.data!.plantData).toHaveLength(8);
  });
});
