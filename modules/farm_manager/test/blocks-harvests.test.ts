import { fileURLToPath } from 'node:url';
import { createTestPlatform } from 'a64-platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const moduleDir = fileURLToPath(new URL('..', import.meta.url));
const DAY = 86_400_000;

describe('farm_manager: blocks, harvests, archives, alerts, analytics', () => {
  let platform: Awaited<ReturnType<typeof createTestPlatform>>;
  let token: string;
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await platform.graphql(query, variables, { token });
    // biome-ignore lint/suspicious/noExplicitAny: tests read GraphQL responses loosely; the assertions check their shape.
    return result as { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  };
  let farmId: string;
  let blockId: string;
  let tomatoId: string;
  const plantedAt = new Date(Date.now() - 100 * DAY);

  beforeAll(async () => {
    platform = await createTestPlatform({ modules: [moduleDir] });
    token = await platform.loginAsAdmin();
    farmId = (await gql('mutation { createFarm(input: { name: "Block Farm", areaHectares: 2 }) { id } }')).data!.createFarm.id;
    tomatoId = (await gql('{ plantData(search: "roma") { id cropName daysToMaturity } }')).data!.plantData[0].id;
  });
  afterAll(() => platform?.close());

  it('seeds real crops through the migration', async () => {
    const crops = (await gql('{ plantData { cropName variety expectedYieldKgPerHectare growingConditions { water } } }')).data!.plantData;
    expect(crops.length).toBeGreaterThanOrEqual(6);
    expect(crops).toContainEqual({
      cropName: 'Tomato',
      variety: 'Roma',
      expectedYieldKgPerHectare: 60000,
      growingConditions: { water: 'HIGH' },
    });
  });

  it('keeps blocks inside the farm area and allows only the crop-cycle transitions', async () => {
    const tooBig = await gql('mutation($f: ID!) { createFarmBlock(input: { farmId: $f, name: "Huge", areaHectares: 3 }) { id } }', {
      f: farmId,
    });
    expect(tooBig.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'areaHectares' });
    const created = await gql(
      'mutation($f: ID!) { createFarmBlock(input: { farmId: $f, name: "North", areaHectares: 0.5 }) { id state allowedNextStates cycle } }',
      { f: farmId },
    );
    expect(created.data!.createFarmBlock).toMatchObject({ state: 'EMPTY', allowedNextStates: ['PLANTED'], cycle: 1 });
    blockId = created.data!.createFarmBlock.id;

    const skip = await gql('mutation($b: ID!) { changeFarmBlockState(id: $b, input: { state: HARVESTING }) { state } }', { b: blockId });
    expect(skip.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'state' });
    expect(skip.errors?.[0]?.message).toContain('from EMPTY it can go to PLANTED');
    const noPlant = await gql('mutation($b: ID!) { changeFarmBlockState(id: $b, input: { state: PLANTED }) { state } }', { b: blockId });
    expect(noPlant.errors?.[0]?.extensions).toMatchObject({ field: 'plantId' });

    const planted = await gql(
      'mutation($b: ID!, $p: ID!, $d: DateTime!) { changeFarmBlockState(id: $b, input: { state: PLANTED, plantId: $p, plantingDate: $d }) { state plant { cropName } expectedHarvestDate expectedYieldKg } }',
      { b: blockId, p: tomatoId, d: plantedAt.toISOString() },
    );
    expect(planted.data!.changeFarmBlockState).toMatchObject({
      state: 'PLANTED',
      plant: { cropName: 'Tomato' },
      expectedHarvestDate: new Date(plantedAt.getTime() + 75 * DAY).toISOString(),
      expectedYieldKg: 30000,
    });
  });

  it('raises an overdue-harvest alert once, on demand, and walks it to RESOLVED', async () => {
    const raised = await gql('mutation { evaluateFarmAlerts { id type severity status block { name } } }');
    expect(raised.data!.evaluateFarmAlerts).toEqual([
      { id: expect.any(String), type: 'HARVEST_OVERDUE', severity: 'CRITICAL', status: 'OPEN', block: { name: 'North' } },
    ]);
    expect((await gql('mutation { evaluateFarmAlerts { id } }')).data!.evaluateFarmAlerts).toEqual([]);
    const alertId = raised.data!.evaluateFarmAlerts[0].id;
    const acked = await gql('mutation($a: ID!) { acknowledgeFarmAlert(id: $a) { status acknowledgedBy } }', { a: alertId });
    expect(acked.data!.acknowledgeFarmAlert.status).toBe('ACKNOWLEDGED');
    expect((await gql('mutation($a: ID!) { resolveFarmAlert(id: $a) { status } }', { a: alertId })).data!.resolveFarmAlert.status).toBe(
      'RESOLVED',
    );
    const again = await gql('mutation($a: ID!) { acknowledgeFarmAlert(id: $a) { status } }', { a: alertId });
    expect(again.errors?.[0]?.message).toContain('already RESOLVED');

    const manual = await gql(
      'mutation($f: ID!) { createFarmAlert(input: { farmId: $f, message: "Fence down on the east side", severity: CRITICAL }) { type status } }',
      { f: farmId },
    );
    expect(manual.data!.createFarmAlert).toEqual({ type: 'MANUAL', status: 'OPEN' });
    expect((await gql('{ farmAlerts(status: OPEN) { message } }')).data!.farmAlerts).toEqual([{ message: 'Fence down on the east side' }]);
  });

  it('records harvests only while HARVESTING and after planting, and totals them per block and farm', async () => {
    await gql('mutation($b: ID!) { changeFarmBlockState(id: $b, input: { state: GROWING }) { state } }', { b: blockId });
    const early = await gql('mutation($b: ID!) { recordHarvest(input: { blockId: $b, quantityKg: 10 }) { id } }', { b: blockId });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'blockId' });
    await gql('mutation($b: ID!) { changeFarmBlockState(id: $b, input: { state: HARVESTING }) { state } }', { b: blockId });

    const beforePlanting = new Date(plantedAt.getTime() - DAY).toISOString();
    const tooEarly = await gql(
      'mutation($b: ID!, $d: DateTime!) { recordHarvest(input: { blockId: $b, quantityKg: 10, harvestedAt: $d }) { id } }',
      { b: blockId, d: beforePlanting },
    );
    expect(tooEarly.errors?.[0]?.extensions).toMatchObject({ field: 'harvestedAt' });
    const negative = await gql('mutation($b: ID!) { recordHarvest(input: { blockId: $b, quantityKg: -1 }) { id } }', { b: blockId });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ field: 'quantityKg' });

    for (const [kg, quality] of [
      [12000, 'A'],
      [9500.5, 'B'],
    ] as const) {
      const recorded = await gql(
        `mutation($b: ID!) { recordHarvest(input: { blockId: $b, quantityKg: ${kg}, quality: ${quality} }) { quantityKg quality cycle } }`,
        { b: blockId },
      );
      expect(recorded.data!.recordHarvest).toEqual({ quantityKg: kg, quality, cycle: 1 });
    }
    const totals = await gql(
      'query($f: ID!, $b: ID!) { farm(id: $f) { harvestTotal { quantityKg count } } farmBlock(id: $b) { harvestTotal { quantityKg count } } }',
      { f: farmId, b: blockId },
    );
    expect(totals.data).toEqual({
      farm: { harvestTotal: { quantityKg: 21500.5, count: 2 } },
      farmBlock: { harvestTotal: { quantityKg: 21500.5, count: 2 } },
    });
  });

  it('archives the finished cycle with its yield and starts the next one', async () => {
    const archived = await gql(
      'mutation($b: ID!) { archiveFarmBlockCycle(id: $b, notes: "good season") { cycle cropName expectedYieldKg actualYieldKg harvestCount notes } }',
      { b: blockId },
    );
    expect(archived.data!.archiveFarmBlockCycle).toEqual({
      cycle: 1,
      cropName: 'Tomato (Roma)',
      expectedYieldKg: 30000,
      actualYieldKg: 21500.5,
      harvestCount: 2,
      notes: 'good season',
    });
    const block = await gql('query($b: ID!) { farmBlock(id: $b) { state cycle plant { id } harvestTotal { count } archives { cycle } } }', {
      b: blockId,
    });
    expect(block.data!.farmBlock).toEqual({ state: 'EMPTY', cycle: 2, plant: null, harvestTotal: { count: 0 }, archives: [{ cycle: 1 }] });
    const twice = await gql('mutation($b: ID!) { archiveFarmBlockCycle(id: $b) { id } }', { b: blockId });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('adds plant data with validated growing conditions, once per variety', async () => {
    const add = 'mutation($i: CreatePlantDataInput!) { createPlantData(input: $i) { cropName variety } }';
    const conditions = { minTemperatureC: 10, maxTemperatureC: 25, soilPhMin: 6, soilPhMax: 7, water: 'MEDIUM', sunlight: 'FULL_SUN' };
    const kale = {
      cropName: 'Kale',
      variety: 'Lacinato',
      daysToMaturity: 60,
      expectedYieldKgPerHectare: 15000,
      growingConditions: conditions,
    };
    expect((await gql(add, { i: kale })).data!.createPlantData).toEqual({ cropName: 'Kale', variety: 'Lacinato' });
    expect((await gql(add, { i: kale })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variety' });
    const upsideDown = { ...kale, variety: 'Red Russian', growingConditions: { ...conditions, maxTemperatureC: 5 } };
    expect((await gql(add, { i: upsideDown })).errors?.[0]?.extensions).toMatchObject({ field: 'growingConditions.maxTemperatureC' });
  });

  it('raises BLOCK_IDLE for a block left empty, evaluated as of a later date', async () => {
    const idle = await gql('mutation($f: ID!) { createFarmBlock(input: { farmId: $f, name: "Idle", areaHectares: 0.25 }) { id } }', {
      f: farmId,
    });
    const asOf = new Date(Date.now() + 40 * DAY).toISOString();
    const raised = await gql('mutation($asOf: DateTime!) { evaluateFarmAlerts(asOf: $asOf) { type severity blockId } }', { asOf });
    expect(raised.data!.evaluateFarmAlerts).toContainEqual({
      type: 'BLOCK_IDLE',
      severity: 'INFO',
      blockId: idle.data!.createFarmBlock.id,
    });
    // An empty block without harvests can be deleted; one with history cannot.
    expect((await gql('mutation($b: ID!) { deleteFarmBlock(id: $b) }', { b: idle.data!.createFarmBlock.id })).data).toEqual({
      deleteFarmBlock: true,
    });
    const kept = await gql('mutation($b: ID!) { deleteFarmBlock(id: $b) }', { b: blockId });
    expect(kept.errors?.[0]?.message).toContain('recorded harvest');
  });

  it('reports yield per crop and per farm, expected vs actual, and guards it with farm.view_analytics', async () => {
    const range = { from: new Date(Date.now() - 365 * DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() };
    const byCrop = await gql(
      'query($from: DateTime!, $to: DateTime!) { yieldAnalytics(input: { from: $from, to: $to, groupBy: CROP }) { rows { label actualKg expectedKg varianceKg achievedPercent harvestCount } totalActualKg totalExpectedKg } }',
      range,
    );
    expect(byCrop.data!.yieldAnalytics).toEqual({
      rows: [{ label: 'Tomato (Roma)', actualKg: 21500.5, expectedKg: 30000, varianceKg: -8499.5, achievedPercent: 71.7, harvestCount: 2 }],
      totalActualKg: 21500.5,
      totalExpectedKg: 30000,
    });
    const byFarm = await gql(
      'query($from: DateTime!, $to: DateTime!) { yieldAnalytics(input: { from: $from, to: $to, groupBy: FARM }) { rows { key label } } }',
      range,
    );
    expect(byFarm.data!.yieldAnalytics.rows).toEqual([{ key: farmId, label: 'Block Farm' }]);
    const backwards = await gql(
      'query($from: DateTime!, $to: DateTime!) { yieldAnalytics(input: { from: $to, to: $from, groupBy: FARM }) { totalActualKg } }',
      range,
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ field: 'to' });

    await platform.createUser({
      email: 'agronomist@example.test',
      password: 'agronomist-pass-1',
      role: 'USER',
      permissions: ['farm.view'],
    });
    const login = await platform.graphql('mutation { login(email: "agronomist@example.test", password: "agronomist-pass-1") { token } }');
    const viewer = (login.data as { login: { token: string } }).login.token;
    const denied = await platform.graphql(
      'query($from: DateTime!, $to: DateTime!) { yieldAnalytics(input: { from: $from, to: $to, groupBy: FARM }) { totalActualKg } }',
      range,
      { token: viewer },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
