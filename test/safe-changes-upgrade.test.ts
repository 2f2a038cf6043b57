import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry } from './support/installer-registry.js';
import { notesRelease } from './support/notes-releases.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const UPGRADE = `mutation($version: String, $accept: Boolean, $permissions: [String!]) {
  upgradeModule(name: "notes", version: $version, acceptBreakingChanges: $accept, acceptPermissions: $permissions) {
    version state permissions collections previousVersion
  }
}`;

describe('upgradeModule refuses what breaks clients or asks for more, until accepted', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let token: string;
  const q = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => platform.gql<T>(query, variables, token);
  const upgrade = (variables: Record<string, unknown>) =>
    q<{ upgradeModule: { version: string; permissions: string[]; collections: string[]; previousVersion: string | null } }>(
      UPGRADE,
      variables,
    );
  const state = async () => {
    const response = await q<{ platform: { schemaVersion: number }; module: { version: string; state: string } }>(
      '{ platform { schemaVersion } module(name: "notes") { version state } }',
    );
    const dirs = (await readdir(path.join(platform.dataDir, 'modules', 'notes'))).sort();
    const records = await platform.store.collection('installed_modules').find({ name: 'notes' });
    return { ...response.data, dirs, record: records.map((r) => [r.version, r.enabled]) };
  };
  const lastAudit = async () => {
    const audit = await q<{ auditLog: { entries: Array<{ action: string; outcome: string; details: Record<string, unknown> }> } }>(
      '{ auditLog(limit: 1, module: "notes") { entries { action outcome details } } }',
    );
    return audit.data!.auditLog.entries[0]!;
  };

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publish(notesRelease({ version: '1.0.0', queryFields: ['notesLegacy', 'notesUnused'] }));
    await registry.publish(notesRelease({ version: '1.1.0', queryFields: ['notesLegacy'] }));
    await registry.publish(notesRelease({ version: '1.2.0' }));
    await registry.publish(notesRelease({ version: '1.3.0', permissions: ['notes.view', 'notes.edit'], collections: ['notes', 'tags'] }));
    platform = await startTestPlatform(registry.env);
    token = await platform.adminToken();
    expect((await q('mutation { installModule(input: { name: "notes", version: "1.0.0" }) { version } }')).errors).toBeUndefined();
    // A client uses notesLegacy; nobody ever asks for notesUnused.
    for (let i = 0; i < 2; i++) expect((await q('{ notes { text } notesLegacy }')).errors).toBeUndefined();
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  it('a removed field nobody queried is reported in the plan but does not block', async () => {
    const plan = await q<{ moduleChangePlan: { schemaChanges: Array<{ level: string; coordinate: string }>; breakingInUse: unknown[] } }>(
      '{ moduleChangePlan(name: "notes", action: UPGRADE, version: "1.1.0") { schemaChanges { level coordinate } breakingInUse { coordinate } } }',
    );
    expect(plan.data!.moduleChangePlan.schemaChanges).toContainEqual({ level: 'BREAKING', coordinate: 'Query.notesUnused' });
    expect(plan.data!.moduleChangePlan.breakingInUse).toEqual([]);
    const upgraded = await upgrade({ version: '1.1.0' });
    expect(upgraded.errors).toBeUndefined();
    expect(upgraded.data!.upgradeModule).toMatchObject({ version: '1.1.0', previousVersion: '1.0.0' });
  });

  it('removing a field a client queried → BREAKING_CHANGE naming it; nothing changed, refusal audited', async () => {
    const before = await state();
    const refused = await upgrade({ version: '1.2.0' });
    expect(errorCode(refused)).toBe('BREAKING_CHANGE');
    expect(refused.errors![0]!.message).toContain('Query.notesLegacy (2 uses)');
    expect(refused.errors![0]!.extensions).toMatchObject({ coordinates: ['Query.notesLegacy'], module: 'notes' });
    expect(await state()).toEqual(before);
    expect((await q<{ notesLegacy: string }>('{ notesLegacy }')).data?.notesLegacy).toBe('notesLegacy@1.1.0');
    expect(await lastAudit()).toMatchObject({
      action: 'module.upgrade',
      outcome: 'FAILED:BREAKING_CHANGE',
      details: { fromVersion: '1.1.0', toVersion: '1.2.0' },
    });
  });

  it('the same upgrade with acceptBreakingChanges succeeds and the field is gone', async () => {
    const upgraded = await upgrade({ version: '1.2.0', accept: true });
    expect(upgraded.errors).toBeUndefined();
    expect(upgraded.data!.upgradeModule.version).toBe('1.2.0');
    expect(errorCode(await q('{ notesLegacy }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    // Only the version before the last upgrade is kept: 1.0.0 went when 1.1.0 → 1.2.0 ran.
    expect((await state()).dirs).toEqual(['1.1.0', '1.2.0']);
  });

  it('a new permission or collection → PERMISSIONS_NOT_ACCEPTED until every one is listed', async () => {
    const before = await state();
    const refused = await upgrade({ version: '1.3.0' });
    expect(errorCode(refused)).toBe('PERMISSIONS_NOT_ACCEPTED');
    expect(refused.errors![0]!.extensions).toMatchObject({ permissions: ['notes.edit'], collections: ['tags'] });
    const partly = await upgrade({ version: '1.3.0', permissions: ['notes.edit'] });
    expect(errorCode(partly)).toBe('PERMISSIONS_NOT_ACCEPTED');
    expect(partly.errors![0]!.message).toContain('collections tags');
    expect(await state()).toEqual(before);
    expect(await lastAudit()).toMatchObject({ outcome: 'FAILED:PERMISSIONS_NOT_ACCEPTED' });
    const accepted = await upgrade({ version: '1.3.0', permissions: ['notes.edit', 'tags'] });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.upgradeModule).toMatchObject({ version: '1.3.0', permissions: ['notes.view', 'notes.edit'] });
  });
});
