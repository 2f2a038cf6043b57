import { fileURLToPath } from 'node:url';
import { createTestPlatform } from 'a64-platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const moduleDir = fileURLToPath(new URL('..', import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: tests read GraphQL responses loosely; the assertions check their shape.
type Result = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

describe('animal_manager', () => {
  let platform: Awaited<ReturnType<typeof createTestPlatform>>;
  let admin: string;
  const gql = (query: string, variables: Record<string, unknown> = {}, token = admin) =>
    platform.graphql(query, variables, { token }) as Promise<Result>;

  beforeAll(async () => {
    platform = await createTestPlatform({ modules: [moduleDir] });
    admin = await platform.loginAsAdmin();
  });
  afterAll(() => platform?.close());

  it('registers animals with tags unique per species', async () => {
    const create = 'mutation($i: CreateAnimalInput!) { createAnimal(input: $i) { id species tag sex ageDays } }';
    const born = new Date(Date.now() - 400 * 86_400_000).toISOString();
    const cow = await gql(create, { i: { species: 'Cattle', tag: 'KE-001', sex: 'FEMALE', birthDate: born } });
    expect(cow.data!.createAnimal).toMatchObject({ species: 'Cattle', tag: 'KE-001', sex: 'FEMALE', ageDays: 400 });
    const duplicate = await gql(create, { i: { species: 'cattle', tag: 'KE-001' } });
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tag' });
    const goat = await gql('mutation($i: CreateAnimalInput!) { createAnimal(input: $i) { id species sex } }', {
      i: { species: 'Goat', tag: 'KE-001' },
    });
    expect(goat.data!.createAnimal).toMatchObject({ species: 'Goat', sex: 'UNKNOWN' });
    const future = await gql(create, {
      i: { species: 'Goat', tag: 'KE-002', birthDate: new Date(Date.now() + 86_400_000 * 3).toISOString() },
    });
    expect(future.errors?.[0]?.extensions).toMatchObject({ field: 'birthDate' });
    // Unique whatever the case, as the README says: "DE-001" and "de-001" are one tag.
    const lower = await gql(create, { i: { species: 'Cattle', tag: 'ke-001' } });
    expect(lower.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tag' });
    const renamed = await gql('mutation($id: ID!) { updateAnimal(id: $id, input: { tag: "Ke-002" }) { tag } }', {
      id: goat.data!.createAnimal.id,
    });
    expect(renamed.data).toEqual({ updateAnimal: { tag: 'Ke-002' } });
    const clash = await gql('mutation($id: ID!) { updateAnimal(id: $id, input: { species: "Cattle", tag: "ke-001" }) { tag } }', {
      id: goat.data!.createAnimal.id,
    });
    expect(clash.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tag' });
    expect((await gql('{ animalByTag(species: "goat", tag: "KE-002") { tag } }')).data).toEqual({ animalByTag: { tag: 'Ke-002' } });
    const found = await gql('{ animalByTag(species: "CATTLE", tag: "KE-001") { tag } animals(species: "goat") { tag } }');
    expect(found.data).toEqual({ animalByTag: { tag: 'KE-001' }, animals: [{ tag: 'Ke-002' }] });
  });

  it('keeps health events and weights, newest weight first in latestWeightKg', async () => {
    const id = (await gql('mutation { createAnimal(input: { species: "Sheep", tag: "S-9" }) { id } }')).data!.createAnimal.id;
    await gql(
      'mutation($a: ID!) { recordAnimalWeight(input: { animalId: $a, weightKg: 41.5, measuredAt: "2026-01-01T00:00:00Z" }) { id } }',
      { a: id },
    );
    await gql('mutation($a: ID!) { recordAnimalWeight(input: { animalId: $a, weightKg: 44 }) { id } }', { a: id });
    const zero = await gql('mutation($a: ID!) { recordAnimalWeight(input: { animalId: $a, weightKg: 0 }) { id } }', { a: id });
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'weightKg' });
    await gql(
      'mutation($a: ID!) { recordAnimalHealthEvent(input: { animalId: $a, kind: VACCINATION, description: "Clostridial vaccine", vet: "Dr. Otieno" }) { id } }',
      { a: id },
    );
    const unknown = await gql('mutation { recordAnimalHealthEvent(input: { animalId: "nope", kind: CHECKUP, description: "x" }) { id } }');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'animalId' });
    const sheep = await gql(
      'query($a: ID!) { animal(id: $a) { latestWeightKg weights { weightKg } healthEvents { kind vet recordedBy } } }',
      { a: id },
    );
    expect(sheep.data!.animal).toEqual({
      latestWeightKg: 44,
      weights: [{ weightKg: 41.5 }, { weightKg: 44 }],
      healthEvents: [{ kind: 'VACCINATION', vet: 'Dr. Otieno', recordedBy: expect.any(String) }],
    });
  });

  it('answers a list with its weights and health events as it answers each animal alone', async () => {
    const ids: string[] = [];
    for (const tag of ['L-1', 'L-2', 'L-3']) {
      ids.push(
        (await gql('mutation($t: String!) { createAnimal(input: { species: "Llama", tag: $t }) { id } }', { t: tag })).data!.createAnimal
          .id,
      );
    }
    for (const [i, kg] of [
      [0, 90],
      [0, 95],
      [2, 70],
    ] as const) {
      await gql('mutation($a: ID!, $kg: Float!) { recordAnimalWeight(input: { animalId: $a, weightKg: $kg }) { id } }', { a: ids[i], kg });
    }
    await gql('mutation($a: ID!) { recordAnimalHealthEvent(input: { animalId: $a, kind: CHECKUP, description: "ok" }) { id } }', {
      a: ids[1],
    });
    const fields = 'id latestWeightKg weights { weightKg } healthEvents { kind }';
    const list = await gql(`{ animals(species: "Llama") { ...Row } } fragment Row on Animal { ${fields} }`);
    const alone = await Promise.all(ids.map((id) => gql(`query($a: ID!) { animal(id: $a) { ${fields} } }`, { a: id })));
    expect(list.errors).toBeUndefined();
    expect(list.data!.animals).toEqual(alone.map((one) => one.data!.animal));
    expect(list.data!.animals.map((animal: { latestWeightKg: number | null }) => animal.latestWeightKg)).toEqual([95, null, 70]);
    // latestWeightKg alone, without the weights themselves, reads them ahead too.
    const latest = await gql('{ animals(species: "Llama") { latestWeightKg } }');
    expect(latest.data!.animals).toEqual([{ latestWeightKg: 95 }, { latestWeightKg: null }, { latestWeightKg: 70 }]);
  });

  it('updates without breaking tag uniqueness and deletes an animal with its records', async () => {
    const create = 'mutation($i: CreateAnimalInput!) { createAnimal(input: $i) { id } }';
    const a = (await gql(create, { i: { species: 'Pig', tag: 'P-1' } })).data!.createAnimal.id;
    const b = (await gql(create, { i: { species: 'Pig', tag: 'P-2' } })).data!.createAnimal.id;
    const clash = await gql('mutation($id: ID!) { updateAnimal(id: $id, input: { tag: "P-1" }) { tag } }', { id: b });
    expect(clash.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tag' });
    const renamed = await gql('mutation($id: ID!) { updateAnimal(id: $id, input: { name: "Wilbur", sex: MALE }) { tag name sex } }', {
      id: b,
    });
    expect(renamed.data!.updateAnimal).toEqual({ tag: 'P-2', name: 'Wilbur', sex: 'MALE' });
    await gql('mutation($a: ID!) { recordAnimalWeight(input: { animalId: $a, weightKg: 90 }) { id } }', { a });
    expect((await gql('mutation($id: ID!) { deleteAnimal(id: $id) }', { id: a })).data).toEqual({ deleteAnimal: true });
    expect((await gql('query($id: ID!) { animal(id: $id) { id } }', { id: a })).data).toEqual({ animal: null });
    // The tag is free again once its animal is gone.
    expect((await gql(create, { i: { species: 'Pig', tag: 'P-1' } })).errors).toBeUndefined();
  });

  it('lets animal.view read but not edit', async () => {
    await platform.createUser({ email: 'herder@example.test', password: 'herder-password-1', role: 'USER', permissions: ['animal.view'] });
    const login = await platform.graphql('mutation { login(email: "herder@example.test", password: "herder-password-1") { token } }');
    const herder = (login.data as { login: { token: string } }).login.token;
    expect((await gql('{ animals { tag } }', {}, herder)).errors).toBeUndefined();
    const denied = await gql('mutation { createAnimal(input: { species: "Cattle", tag: "X" }) { id } }', {}, herder);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
