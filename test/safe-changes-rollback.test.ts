import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry } from './support/installer-registry.js';
import { notesRelease } from './support/notes-releases.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const UPPERCASE = `[{ id: 'uppercase', async up(m) {
  for (const n of await m.store.collection('notes').find({})) await m.store.collection('notes').updateOne({ _id: n._id }, { $set: { text: n.text.toUpperCase() } });
} }]`;

describe('rollbackModule: back to the version before the last upgrade, with its data', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let token: string;
  const q = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => platform.gql<T>(query, variables, token);
  const notes = async () => (await q<{ notes: Array<{ text: string }> }>('{ notes { text } }')).data!.notes.map((n) => n.text);
  const rollback = (discardNewData?: boolean) =>
    q<{ rollbackModule: { version: string; previousVersion: string | null; state: string } }>(
      'mutation($d: Boolean) { rollbackModule(name: "notes", discardNewData: $d) { version previousVersion state } }',
      { d: discardNewData },
    );
  const migrations = async () => (await platform.store.collection('module_migrations').find({ module: 'notes' })).map((m) => m.id);
  const dirs = async () => (await readdir(path.join(platform.dataDir, 'modules', 'notes'))).sort();

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publish(notesRelease({ version: '1.0.0' }));
    await registry.publish(notesRelease({ version: '2.0.0', queryFields: ['notesTwo'], migrations: UPPERCASE }));
    platform = await startTestPlatform(registry.env);
    token = await platform.adminToken();
    await q('mutation { installModule(input: { name: "notes", version: "1.0.0" }) { version } }');
    for (const text of ['a', 'b']) await q('mutation($t: String!) { addNote(text: $t) }', { t: text });
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  it('is refused while no earlier version is kept', async () => {
    const refused = await rollback();
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toContain('no earlier version kept');
  });

  it('restores the old version and the data as it was before the upgrade migrated it', async () => {
    const upgraded = await q('mutation { upgradeModule(name: "notes", version: "2.0.0") { version } }');
    expect(upgraded.errors).toBeUndefined();
    expect(await notes()).toEqual(['A', 'B']);
    expect(await migrations()).toEqual(['uppercase']);
    const back = await rollback();
    expect(back.errors).toBeUndefined();
    expect(back.data!.rollbackModule).toEqual({ version: '1.0.0', previousVersion: null, state: 'ENABLED' });
    expect(await notes()).toEqual(['a', 'b']);
    expect(await migrations()).toEqual([]);
    expect(errorCode(await q('{ notesTwo }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await dirs()).toEqual(['1.0.0']);
    const audit = await q<{ auditLog: { entries: Array<{ outcome: string; details: Record<string, unknown> }> } }>(
      '{ auditLog(limit: 1, module: "notes") { entries { outcome details } } }',
    );
    expect(audit.data!.auditLog.entries[0]).toMatchObject({
      outcome: 'SUCCEEDED',
      details: { rollback: true, fromVersion: '2.0.0', toVersion: '1.0.0', discardedNewData: false },
    });
  });

  it('refuses when data was written since the upgrade, unless discardNewData', async () => {
    await q('mutation { upgradeModule(name: "notes", version: "2.0.0") { version } }');
    expect(await notes()).toEqual(['A', 'B']);
    await q('mutation { addNote(text: "written after the upgrade") }');
    const refused = await rollback();
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toMatch(/changed since the upgrade to 2\.0\.0.*would lose those writes.*discardNewData: true/);
    expect((await q<{ module: { version: string } }>('{ module(name: "notes") { version } }')).data!.module.version).toBe('2.0.0');
    expect(await notes()).toEqual(['A', 'B', 'written after the upgrade']);
    const forced = await rollback(true);
    expect(forced.errors).toBeUndefined();
    expect(forced.data!.rollbackModule.version).toBe('1.0.0');
    expect(await notes()).toEqual(['a', 'b']);
  });
});
