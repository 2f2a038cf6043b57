import { fileURLToPath } from 'node:url';
import { createTestPlatform } from 'a64-platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const inventoryDir = fileURLToPath(new URL('..', import.meta.url));
const farmDir = fileURLToPath(new URL('../../farm_manager', import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: tests read GraphQL responses loosely; the assertions check their shape.
type Result = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

describe('inventory', () => {
  let platform: Awaited<ReturnType<typeof createTestPlatform>>;
  let admin: string;
  const gql = (query: string, variables: Record<string, unknown> = {}, token = admin) =>
    platform.graphql(query, variables, { token }) as Promise<Result>;
  const create = 'mutation($i: CreateInventoryItemInput!) { createInventoryItem(input: $i) { sku quantity unit isLowStock } }';
  const adjust = 'mutation($i: AdjustStockInput!) { adjustStock(input: $i) { delta quantityAfter reason triggeredLowStock } }';

  beforeAll(async () => {
    platform = await createTestPlatform({ modules: [farmDir, inventoryDir] });
    admin = await platform.loginAsAdmin();
  });
  afterAll(() => platform?.close());

  it('keeps SKUs unique and records opening stock as a movement', async () => {
    const created = await gql(create, { i: { sku: 'FERT-NPK', name: 'NPK 17-17-17', quantity: 40, unit: 'bag', lowStockThreshold: 10 } });
    expect(created.data!.createInventoryItem).toEqual({ sku: 'FERT-NPK', quantity: 40, unit: 'bag', isLowStock: false });
    const duplicate = await gql(create, { i: { sku: 'FERT-NPK', name: 'Again', unit: 'bag' } });
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sku' });
    const badSku = await gql(create, { i: { sku: 'has space', name: 'X', unit: 'kg' } });
    expect(badSku.errors?.[0]?.extensions).toMatchObject({ field: 'sku' });
    const ledger = await gql('{ stockMovements(sku: "FERT-NPK") { delta reason quantityAfter } }');
    expect(ledger.data!.stockMovements).toEqual([{ delta: 40, reason: 'OPENING', quantityAfter: 40 }]);
  });

  it('never lets stock go negative and flags the movement that reaches the low-stock threshold', async () => {
    const sale = await gql(adjust, { i: { sku: 'FERT-NPK', delta: -30, reason: 'SALE' } });
    expect(sale.data!.adjustStock).toEqual({ delta: -30, quantityAfter: 10, reason: 'SALE', triggeredLowStock: true });
    const overdraw = await gql(adjust, { i: { sku: 'FERT-NPK', delta: -11, reason: 'WASTE' } });
    expect(overdraw.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'delta' });
    expect(overdraw.errors?.[0]?.message).toContain('only 10 bag');
    const low = await gql('{ lowStockItems { sku quantity } inventoryItem(sku: "FERT-NPK") { quantity isLowStock } }');
    expect(low.data).toEqual({ lowStockItems: [{ sku: 'FERT-NPK', quantity: 10 }], inventoryItem: { quantity: 10, isLowStock: true } });
  });

  it('never overdraws under concurrent withdrawals, and refuses to delete an item with stock', async () => {
    await gql(create, { i: { sku: 'SEED-TOM', name: 'Tomato seed packs', quantity: 5, unit: 'pack' } });
    const withdrawals = await Promise.all(
      Array.from({ length: 12 }, () => gql(adjust, { i: { sku: 'SEED-TOM', delta: -1, reason: 'SALE' } })),
    );
    expect(withdrawals.filter((result) => !result.errors).length).toBe(5);
    expect(withdrawals.filter((result) => result.errors?.[0]?.extensions?.field === 'delta').length).toBe(7);
    expect((await gql('{ inventoryItem(sku: "SEED-TOM") { quantity movements { delta } } }')).data!.inventoryItem).toMatchObject({
      quantity: 0,
    });
    const ledger = (await gql('{ inventoryItem(sku: "SEED-TOM") { movements { delta } } }')).data!.inventoryItem.movements as {
      delta: number;
    }[];
    expect(ledger.reduce((sum, movement) => sum + movement.delta, 0)).toBe(0);

    const blocked = await gql('mutation { deleteInventoryItem(sku: "FERT-NPK") }');
    expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sku' });
    expect((await gql('mutation { deleteInventoryItem(sku: "SEED-TOM") }')).data).toEqual({ deleteInventoryItem: true });
    const moved = await gql(
      'mutation { updateInventoryItem(sku: "FERT-NPK", input: { location: "Shed 2", lowStockThreshold: 5 }) { location isLowStock } }',
    );
    expect(moved.data!.updateInventoryItem).toEqual({ location: 'Shed 2', isLowStock: false });
  });

  it('books a Farm Manager harvest into stock through the in-process service', async () => {
    const farmId = (await gql('mutation { createFarm(input: { name: "Supply Farm", areaHectares: 3 }) { id } }')).data!.createFarm.id;
    const blockId = (
      await gql('mutation($f: ID!) { createFarmBlock(input: { farmId: $f, name: "Potato 1", areaHectares: 1 }) { id } }', { f: farmId })
    ).data!.createFarmBlock.id;
    const potato = (await gql('{ plantData(search: "potato") { id } }')).data!.plantData[0].id;
    for (const state of ['PLANTED', 'GROWING', 'HARVESTING']) {
      const moved = await gql(
        'mutation($b: ID!, $s: FarmBlockState!, $p: ID) { changeFarmBlockState(id: $b, input: { state: $s, plantId: $p }) { state } }',
        { b: blockId, s: state, p: potato },
      );
      expect(moved.errors).toBeUndefined();
    }
    await gql(create, { i: { sku: 'POTATO-RB', name: 'Potatoes, Russet Burbank', unit: 'kg', lowStockThreshold: 100 } });
    await gql(create, { i: { sku: 'CRATE', name: 'Crates', unit: 'piece' } });
    const book =
      'mutation($i: RecordHarvestIntoStockInput!) { recordHarvestIntoStock(input: $i) { delta quantityAfter reason harvestId blockId note item { quantity } } }';

    const booked = await gql(book, { i: { blockId, sku: 'POTATO-RB', quantity: 850.5 } });
    expect(booked.errors).toBeUndefined();
    expect(booked.data!.recordHarvestIntoStock).toMatchObject({
      delta: 850.5,
      quantityAfter: 850.5,
      reason: 'HARVEST',
      blockId,
      note: 'Harvest of block Potato 1 (Supply Farm)',
      item: { quantity: 850.5 },
    });
    const harvests = await gql('query($b: ID!) { harvests(blockId: $b) { id quantityKg } }', { b: blockId });
    expect(harvests.data!.harvests).toEqual([{ id: booked.data!.recordHarvestIntoStock.harvestId, quantityKg: 850.5 }]);

    const unknownBlock = await gql(book, { i: { blockId: 'no-such-block', sku: 'POTATO-RB', quantity: 1 } });
    expect(unknownBlock.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'blockId' });
    const wrongUnit = await gql(book, { i: { blockId, sku: 'CRATE', quantity: 1 } });
    expect(wrongUnit.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sku' });
    // A refused harvest leaves stock untouched.
    expect((await gql('{ inventoryItem(sku: "POTATO-RB") { quantity } }')).data!.inventoryItem.quantity).toBe(850.5);
  });

  it('needs inventory.edit to change stock and inventory.view to read it', async () => {
    await platform.createUser({ email: 'clerk@example.test', password: 'clerk-password-1', role: 'USER', permissions: ['inventory.view'] });
    const login = await platform.graphql('mutation { login(email: "clerk@example.test", password: "clerk-password-1") { token } }');
    const clerk = (login.data as { login: { token: string } }).login.token;
    expect((await gql('{ inventoryItems { sku } }', {}, clerk)).data!.inventoryItems.length).toBeGreaterThan(0);
    const denied = await gql(adjust, { i: { sku: 'FERT-NPK', delta: 5, reason: 'PURCHASE' } }, clerk);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
