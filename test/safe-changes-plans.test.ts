import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry } from './support/installer-registry.js';
import { notesRelease } from './support/notes-releases.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const PLAN = `query($name: String!, $action: PlanAction!, $version: String) {
  moduleChangePlan(name: $name, action: $action, version: $version) {
    module action fromVersion toVersion licenseRequired errors
    permissionsAdded permissionsRemoved collectionsAdded collectionsRemoved
    schemaChanges { level coordinate message usage { count } }
    breakingInUse { coordinate usage { coordinate count lastUsedAt } }
    dependencies { name range satisfied }
  }
}`;

interface Plan {
  module: string;
  action: string;
  fromVersion: string | null;
  toVersion: string | null;
  errors: string[];
  permissionsAdded: string[];
  permissionsRemoved: string[];
  collectionsAdded: string[];
  collectionsRemoved: string[];
  schemaChanges: Array<{ level: string; coordinate: string | null; message: string; usage: { count: number } | null }>;
  breakingInUse: Array<{ coordinate: string; usage: { coordinate: string; count: number; lastUsedAt: string } }>;
  dependencies: Array<{ name: string; range: string; satisfied: boolean }>;
}

describe('change plans and field usage, through GraphQL', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let token: string;
  const q = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, bearer = token) =>
    platform.gql<T>(query, variables, bearer);
  const plan = async (action: string, version?: string) => {
    const response = await q<{ moduleChangePlan: Plan }>(PLAN, { name: 'notes', action, version });
    expect(response.errors).toBeUndefined();
    return response.data!.moduleChangePlan;
  };

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publish(notesRelease({ version: '1.0.0', queryFields: ['notesLegacy', 'notesUnused'] }));
    await registry.publish(
      notesRelease({ version: '1.1.0', queryFields: [], permissions: ['notes.view', 'notes.edit'], collections: ['notes', 'tags'] }),
    );
    // Defines `Note` again: a conflict with… itself is no conflict, so clash with a core type instead.
    await registry.publish({
      ...notesRelease({ version: '2.0.0' }),
      source: `export default { typeDefs: 'type User { x: String } extend type Query { n2: String }', resolvers: { Query: { n2: () => 'x' } } };`,
    });
    platform = await startTestPlatform(registry.env);
    token = await platform.adminToken();
    const installed = await q('mutation { installModule(input: { name: "notes", version: "1.0.0" }) { version } }');
    expect(installed.errors).toBeUndefined();
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  it('records the coordinates clients query, with counts and last use, for ADMIN+ only', async () => {
    for (let i = 0; i < 3; i++) expect((await q('{ notes { text } notesLegacy }')).errors).toBeUndefined();
    const usage = await q<{ fieldUsage: Array<{ coordinate: string; count: number; lastUsedAt: string }> }>(
      '{ fieldUsage(module: "notes") { coordinate count lastUsedAt } }',
    );
    const byCoordinate = Object.fromEntries(usage.data!.fieldUsage.map((u) => [u.coordinate, u.count]));
    expect(byCoordinate).toEqual({ 'Query.notes': 3, 'Query.notesLegacy': 3, 'Note.text': 3 });
    expect(Number.isNaN(Date.parse(usage.data!.fieldUsage[0]!.lastUsedAt))).toBe(false);
    const all = await q<{ fieldUsage: Array<{ coordinate: string }> }>('{ fieldUsage { coordinate } }');
    expect(all.data!.fieldUsage.map((u) => u.coordinate)).toContain('Query.notesLegacy');
    expect(errorCode(await q('{ fieldUsage { coordinate } }', {}, ''))).toBe('UNAUTHENTICATED');
  });

  it('plans an upgrade: removed fields are breaking, the queried one is in use, new permissions and collections listed', async () => {
    const schemaVersion = (await q<{ platform: { schemaVersion: number } }>('{ platform { schemaVersion } }')).data!.platform.schemaVersion;
    const upgrade = await plan('UPGRADE', '1.1.0');
    expect(upgrade).toMatchObject({
      module: 'notes',
      action: 'UPGRADE',
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
      errors: [],
      permissionsAdded: ['notes.edit'],
      collectionsAdded: ['tags'],
      permissionsRemoved: [],
      collectionsRemoved: [],
      licenseRequired: false,
    });
    const breaking = upgrade.schemaChanges.filter((c) => c.level === 'BREAKING');
    expect(breaking.map((c) => [c.coordinate, c.usage?.count ?? 0])).toEqual(
      expect.arrayContaining([
        ['Query.notesLegacy', 3],
        ['Query.notesUnused', 0],
      ]),
    );
    expect(upgrade.breakingInUse.map((c) => [c.coordinate, c.usage.count])).toEqual([['Query.notesLegacy', 3]]);
    expect(upgrade.dependencies).toEqual([{ name: 'core', range: '>=1.0.0', satisfied: true }]);
    // Nothing was swapped or installed by planning.
    const after = await q<{ platform: { schemaVersion: number }; module: { version: string } }>(
      '{ platform { schemaVersion } module(name: "notes") { version } }',
    );
    expect(after.data).toEqual({ platform: { schemaVersion }, module: { version: '1.0.0' } });
    expect((await q<{ notesLegacy: string }>('{ notesLegacy }')).data?.notesLegacy).toBe('notesLegacy@1.0.0');
  });

  it('plans disable and uninstall: every field of the module goes, used ones in use', async () => {
    const disable = await plan('DISABLE');
    expect(disable.toVersion).toBeNull();
    expect(disable.breakingInUse.map((c) => c.coordinate).sort()).toEqual(['Note', 'Query.notes', 'Query.notesLegacy']);
    expect(disable.permissionsRemoved).toEqual(['notes.view']);
    expect(disable.collectionsRemoved).toEqual([]);
    const uninstall = await plan('UNINSTALL');
    expect(uninstall.collectionsRemoved).toEqual(['notes']);
  });

  it('returns a schema conflict in the plan instead of failing the query', async () => {
    const conflicting = await plan('UPGRADE', '2.0.0');
    expect(conflicting.errors.join('\n')).toMatch(/^SCHEMA_CONFLICT: .*Type User defined by the core and notes/);
    expect(conflicting.schemaChanges).toEqual([]);
  });

  it('is SUPER_ADMIN only, and a missing version is VERSION_NOT_FOUND', async () => {
    expect(errorCode(await q(PLAN, { name: 'notes', action: 'UPGRADE', version: '9.9.9' }))).toBe('VERSION_NOT_FOUND');
    expect(errorCode(await q(PLAN, { name: 'notes', action: 'DISABLE' }, ''))).toBe('UNAUTHENTICATED');
  });
});
