import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry } from './support/installer-registry.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const CREATE = 'mutation($i: CreateAnimalInput!) { createAnimal(input: $i) { tag } }';

/** The demo registry's story: Animal Manager 1.0.0 (tags compared exactly) → 1.1.0 (case-insensitive, migration 002). */
describe('Animal Manager 1.0.0 → 1.1.0, as the demo registry publishes them', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform | undefined;

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publishDir('modules/animal_manager/releases/1.0.0');
    await registry.publishDir('modules/animal_manager');
  });
  afterEach(async () => {
    await platform?.stop();
    platform = undefined;
  });
  afterAll(() => registry?.close());

  async function onVersion100() {
    platform = await startTestPlatform(registry.env);
    const token = await platform.adminToken();
    const q = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
      platform!.gql<T>(query, variables, token);
    const installed = await q('mutation { installModule(input: { name: "animal_manager", version: "1.0.0" }) { version state } }');
    expect(installed.data).toEqual({ installModule: { version: '1.0.0', state: 'ENABLED' } });
    return q;
  }

  it('upgrades: migration 002 keys existing tags by lower case, and tags are then unique whatever their case', async () => {
    const q = await onVersion100();
    expect((await q(CREATE, { i: { species: 'Cattle', tag: 'DE-001' } })).data).toEqual({ createAnimal: { tag: 'DE-001' } });

    const upgraded = await q<{ upgradeModule: { version: string } }>('mutation { upgradeModule(name: "animal_manager") { version } }');
    expect(upgraded.data).toEqual({ upgradeModule: { version: '1.1.0' } });
    const migrations = await platform!.store.collection('module_migrations').find({});
    expect(migrations.map((m) => (m as { migrationId?: string; id?: string }).migrationId ?? m._id).join(' ')).toContain(
      '002-case-insensitive-tags',
    );

    const twin = await q(CREATE, { i: { species: 'cattle', tag: 'de-001' } });
    expect(errorCode(twin)).toBe('BAD_USER_INPUT');
    expect(twin.errors?.[0]?.message).toContain('whatever their case');
    expect((await q('{ animalByTag(species: "Cattle", tag: "de-001") { tag } }')).data).toEqual({ animalByTag: { tag: 'DE-001' } });
  });

  it('refuses the upgrade when 1.0.0 holds tags that differ only in case, keeping 1.0.0 and the data', async () => {
    const q = await onVersion100();
    await q(CREATE, { i: { species: 'Goat', tag: 'G-7' } });
    expect((await q(CREATE, { i: { species: 'goat', tag: 'g-7' } })).data).toEqual({ createAnimal: { tag: 'g-7' } });
    const before = await platform!.store.collection('animals').find({}, { sort: { tag: 1 } });

    const refused = await q('mutation { upgradeModule(name: "animal_manager") { version } }');
    expect(refused.errors?.[0]?.message).toContain('"G-7" and "g-7" differ only in case');
    expect((await q('{ module(name: "animal_manager") { version state } }')).data).toEqual({
      module: { version: '1.0.0', state: 'ENABLED' },
    });
    expect(await platform!.store.collection('animals').find({}, { sort: { tag: 1 } })).toEqual(before);
  });
});
