import { fileURLToPath } from 'node:url';
import { createTestPlatform } from 'a64-platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const moduleDir = fileURLToPath(new URL('..', import.meta.url));
type Platform = Awaited<ReturnType<typeof createTestPlatform>>;

async function userToken(platform: Platform, email: string, permissions: string[]): Promise<string> {
  const password = 'field-worker-pass-1';
  await platform.createUser({ email, password, role: 'USER', permissions });
  const login = await platform.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
    e: email,
    p: password,
  });
  return (login.data as { login: { token: string } }).login.token;
}

const CREATE =
  'mutation($input: CreateFarmInput!) { createFarm(input: $input) { id name areaHectares active location { latitude longitude } } }';

describe('farm_manager: farms', () => {
  let platform: Platform;
  let admin: string;

  beforeAll(async () => {
    platform = await createTestPlatform({ modules: [moduleDir] });
    admin = await platform.loginAsAdmin();
  });
  afterAll(() => platform?.close());

  it('refuses createFarm to a USER without farm.create and allows it once granted', async () => {
    const viewer = await userToken(platform, 'viewer@example.test', ['farm.view']);
    const denied = await platform.graphql(CREATE, { input: { name: 'Nope', areaHectares: 1 } }, { token: viewer });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(denied.errors?.[0]?.message).toContain('farm.create');
    expect((await platform.graphql('{ farms { totalCount } }', {}, { token: viewer })).errors).toBeUndefined();

    const creator = await userToken(platform, 'creator@example.test', ['farm.view', 'farm.create']);
    const created = await platform.graphql(
      CREATE,
      { input: { name: 'Green Acres', areaHectares: 12.5, location: { latitude: -1.29, longitude: 36.82 } } },
      { token: creator },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data).toMatchObject({
      createFarm: { name: 'Green Acres', areaHectares: 12.5, active: true, location: { latitude: -1.29, longitude: 36.82 } },
    });
    const anonymous = await platform.graphql('{ farms { totalCount } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('names the failing field of impossible input', async () => {
    const negative = await platform.graphql(CREATE, { input: { name: 'Bad', areaHectares: -3 } }, { token: admin });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'areaHectares' });
    const offMap = await platform.graphql(
      CREATE,
      { input: { name: 'Bad', areaHectares: 3, location: { latitude: 91, longitude: 0 } } },
      { token: admin },
    );
    expect(offMap.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'location.latitude' });
    const unknown = await platform.graphql('mutation { updateFarm(id: "missing", input: { name: "X" }) { id } }', {}, { token: admin });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('updates only the fields sent; null clears optional ones but not required ones', async () => {
    const created = await platform.graphql(
      CREATE,
      { input: { name: 'Old Name', areaHectares: 5, manager: 'Amina', notes: 'clay soil' } },
      { token: admin },
    );
    const id = (created.data as { createFarm: { id: string } }).createFarm.id;
    const update =
      'mutation($id: ID!, $input: UpdateFarmInput!) { updateFarm(id: $id, input: $input) { name manager notes areaHectares active } }';
    const renamed = await platform.graphql(update, { id, input: { name: 'New Name', manager: null } }, { token: admin });
    expect(renamed.data).toEqual({ updateFarm: { name: 'New Name', manager: null, notes: 'clay soil', areaHectares: 5, active: true } });
    const cleared = await platform.graphql(update, { id, input: { active: null } }, { token: admin });
    expect(cleared.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'active' });
  });

  it('filters and pages with cursors', async () => {
    for (const name of ['Paging Alpha', 'Paging Beta', 'Paging Gamma']) {
      await platform.graphql(CREATE, { input: { name, areaHectares: 2, manager: 'Wanjiru' } }, { token: admin });
    }
    const query =
      'query($after: String) { farms(filter: { search: "paging", manager: "Wanjiru" }, first: 2, after: $after) { items { name } nextCursor totalCount } }';
    const first = await platform.graphql(query, {}, { token: admin });
    const page1 = (first.data as { farms: { items: { name: string }[]; nextCursor: string; totalCount: number } }).farms;
    expect(page1.totalCount).toBe(3);
    expect(page1.items.map((farm) => farm.name)).toEqual(['Paging Alpha', 'Paging Beta']);
    const second = await platform.graphql(query, { after: page1.nextCursor }, { token: admin });
    expect(second.data).toEqual({ farms: { items: [{ name: 'Paging Gamma' }], nextCursor: null, totalCount: 3 } });
    const bad = await platform.graphql(query, { after: 'garbage' }, { token: admin });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('soft-deletes a farm only when no block holds a crop', async () => {
    const farm = await platform.graphql(CREATE, { input: { name: 'To Close', areaHectares: 4 } }, { token: admin });
    const farmId = (farm.data as { createFarm: { id: string } }).createFarm.id;
    const block = await platform.graphql(
      'mutation($f: ID!) { createFarmBlock(input: { farmId: $f, name: "B1", areaHectares: 1 }) { id } }',
      { f: farmId },
      { token: admin },
    );
    const blockId = (block.data as { createFarmBlock: { id: string } }).createFarmBlock.id;
    const plants = await platform.graphql('{ plantData(search: "lettuce") { id } }', {}, { token: admin });
    const plantId = (plants.data as { plantData: { id: string }[] }).plantData[0]!.id;
    await platform.graphql(
      'mutation($b: ID!, $p: ID!) { changeFarmBlockState(id: $b, input: { state: PLANTED, plantId: $p }) { state } }',
      { b: blockId, p: plantId },
      { token: admin },
    );

    const refused = await platform.graphql('mutation($id: ID!) { deleteFarm(id: $id) }', { id: farmId }, { token: admin });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(refused.errors?.[0]?.message).toContain('1 block(s) with a crop');

    await platform.graphql(
      'mutation($b: ID!) { changeFarmBlockState(id: $b, input: { state: EMPTY }) { state } }',
      { b: blockId },
      { token: admin },
    );
    const deleted = await platform.graphql('mutation($id: ID!) { deleteFarm(id: $id) }', { id: farmId }, { token: admin });
    expect(deleted.data).toEqual({ deleteFarm: true });
    expect((await platform.graphql('query($id: ID!) { farm(id: $id) { id } }', { id: farmId }, { token: admin })).data).toEqual({
      farm: null,
    });
  });
});
