import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry } from './support/installer-registry.js';
import { subscribeModuleEvents } from './support/module-events.js';
import { notesRelease } from './support/notes-releases.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

interface UpdateView {
  version: string;
  state: string;
  updateAvailable: string | null;
  updatePolicy: string;
  updatePin: string | null;
  updateBlocked: string | null;
}
const VIEW = 'version state updateAvailable updatePolicy updatePin updateBlocked';

describe('update policies: clean patches applied on the catalog TTL, others blocked with the reason', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let token: string;
  const q = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => platform.gql<T>(query, variables, token);
  const view = async () => (await q<{ module: UpdateView }>(`{ module(name: "notes") { ${VIEW} } }`)).data!.module;

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publish(notesRelease({ version: '1.0.0', queryFields: ['notesLegacy'] }));
    await registry.publish(notesRelease({ version: '1.0.1', queryFields: ['notesLegacy', 'notesExtra'] }));
    await registry.publish(notesRelease({ version: '1.1.0', queryFields: ['notesLegacy'] }));
    // REGISTRY_TTL_SECONDS is 1 in the registry's env: the update check runs every second.
    platform = await startTestPlatform(registry.env);
    token = await platform.adminToken();
    await q('mutation { installModule(input: { name: "notes", version: "1.0.0" }) { version } }');
    expect((await q('{ notesLegacy }')).errors).toBeUndefined();
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  it('starts MANUAL, with the newest release as updateAvailable; a bad pin is BAD_USER_INPUT', async () => {
    expect(await view()).toEqual({
      version: '1.0.0',
      state: 'ENABLED',
      updateAvailable: '1.1.0',
      updatePolicy: 'MANUAL',
      updatePin: null,
      updateBlocked: null,
    });
    expect(await platform.checkForUpdates()).toEqual([]);
    const bad = await q('mutation { setModuleUpdatePolicy(name: "notes", policy: PATCH, pin: "not a range") { name } }');
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(errorCode(await platform.gql('mutation { setModuleUpdatePolicy(name: "notes", policy: PATCH) { name } }'))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('PATCH applies a clean patch release within one TTL, through the normal pipeline, as system', async () => {
    const events = await subscribeModuleEvents(platform.graphqlUrl, token);
    try {
      const set = await q<{ setModuleUpdatePolicy: UpdateView }>(
        `mutation { setModuleUpdatePolicy(name: "notes", policy: PATCH, pin: "<2.0.0") { ${VIEW} } }`,
      );
      expect(set.data!.setModuleUpdatePolicy).toMatchObject({ updatePolicy: 'PATCH', updatePin: '<2.0.0' });
      // The timer's pass, awaited on the operation's own events (no sleeping).
      const done = await events.until('notes', (event) => event.kind === 'UPGRADE' && event.status !== 'RUNNING');
      expect(done.at(-1)).toMatchObject({ status: 'SUCCEEDED', step: 'DONE' });
    } finally {
      events.close();
    }
    expect(await view()).toMatchObject({ version: '1.0.1', state: 'ENABLED', updateBlocked: null, updateAvailable: '1.1.0' });
    expect((await q<{ notesExtra: string }>('{ notesExtra }')).data?.notesExtra).toBe('notesExtra@1.0.1');
    const audit = await q<{ auditLog: { entries: Array<{ actor: string; action: string; outcome: string }> } }>(
      '{ auditLog(limit: 5, module: "notes") { entries { actor action outcome } } }',
    );
    expect(audit.data!.auditLog.entries).toContainEqual({ actor: 'system', action: 'module.upgrade', outcome: 'SUCCEEDED' });
    // MINOR releases are not PATCH's business.
    expect(await platform.checkForUpdates()).toEqual([]);
  });

  it('blocks a patch with a breaking change in use: reason on the module and in the audit log, old version live', async () => {
    await registry.publish(notesRelease({ version: '1.0.2', queryFields: ['notesExtra'] }));
    const results = await platform.checkForUpdates();
    expect(results).toEqual([
      {
        module: 'notes',
        fromVersion: '1.0.1',
        toVersion: '1.0.2',
        outcome: 'BLOCKED',
        reason: expect.stringContaining('1.0.2 not applied: breaking change in use: Query.notesLegacy'),
      },
    ]);
    const blocked = await view();
    expect(blocked).toMatchObject({ version: '1.0.1', state: 'ENABLED' });
    expect(blocked.updateBlocked).toMatch(/^1\.0\.2 not applied: breaking change in use: Query\.notesLegacy \(\d+ uses\)/);
    expect((await q<{ notesLegacy: string }>('{ notesLegacy }')).data?.notesLegacy).toBe('notesLegacy@1.0.1');
    const audit = await q<{
      auditLog: { entries: Array<{ actor: string; action: string; outcome: string; details: { toVersion: string } }> };
    }>('{ auditLog(limit: 10, module: "notes") { entries { actor action outcome details } } }');
    const autoUpdates = audit.data!.auditLog.entries.filter((entry) => entry.action === 'module.auto_update');
    // Audited once, however many checks ran since.
    expect(autoUpdates).toHaveLength(1);
    expect(autoUpdates[0]).toMatchObject({ actor: 'system', outcome: 'BLOCKED', details: { toVersion: '1.0.2' } });
  });

  it('MANUAL again: nothing is applied and the blocked reason goes', async () => {
    const set = await q<{ setModuleUpdatePolicy: UpdateView }>(
      `mutation { setModuleUpdatePolicy(name: "notes", policy: MANUAL) { ${VIEW} } }`,
    );
    expect(set.data!.setModuleUpdatePolicy).toMatchObject({ updatePolicy: 'MANUAL', updatePin: null, updateBlocked: null });
    expect(await platform.checkForUpdates()).toEqual([]);
    expect((await view()).version).toBe('1.0.1');
  });
});
