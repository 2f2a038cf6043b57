import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/plugins/audit/canonical-json.js';
import { openStore } from '../src/store/open-store.js';
import { bytesAnswer } from './fixtures/registry-server.js';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry, simpleModule } from './support/installer-registry.js';
import { CLI } from './support/spawn-server.js';
import { ADMIN_EMAIL, startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

interface Entry {
  id: string;
  at: string;
  actor: string;
  action: string;
  module: string | null;
  outcome: string;
  details: Record<string, unknown> | null;
}

function auditVerify(dataDir: string) {
  return spawnSync(process.execPath, [CLI, 'audit', 'verify'], { env: { PATH: process.env.PATH, DATA_DIR: dataDir }, encoding: 'utf8' });
}

describe('audit: every module operation, success or failure, in a tamper-evident log', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let token: string;
  let entries: Entry[];

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publish(simpleModule('ledger', '1.0.0', 'ledger', 'v1'));
    await registry.publish(simpleModule('ledger', '2.0.0', 'ledger', 'v2'));
    await registry.publish(simpleModule('forged', '1.0.0', 'forged', 'x'));
    platform = await startTestPlatform(registry.env, { keepData: true });
    token = await platform.adminToken();

    const q = (query: string) => platform.gql(query, undefined, token);
    expect(errorCode(await q('mutation { installModule(input: { name: "nothing_here" }) { state } }'))).toBe('MODULE_NOT_FOUND');
    expect((await q('mutation { installModule(input: { name: "ledger", version: "1.0.0" }) { state } }')).errors).toBeUndefined();
    expect(errorCode(await q('mutation { upgradeModule(name: "ledger", version: "9.0.0") { version } }'))).toBe('VERSION_NOT_FOUND');
    expect((await q('mutation { upgradeModule(name: "ledger", version: "2.0.0") { version } }')).errors).toBeUndefined();
    registry.server.override('/forged/1.0.0/forged-1.0.0.tar.gz', bytesAnswer(gzipSync('forged'), 200, 'application/gzip'));
    expect(errorCode(await q('mutation { installModule(input: { name: "forged" }) { state } }'))).toBe('CHECKSUM_MISMATCH');
    expect((await q('mutation { disableModule(name: "farm_manager") { state } }')).errors).toBeUndefined();
    expect((await q('mutation { uninstallModule(name: "ledger") }')).errors).toBeUndefined();
    expect(errorCode(await q('mutation { uninstallModule(name: "ledger") }'))).toBe('NOT_INSTALLED');

    const listed = await platform.gql<{ auditLog: { entries: Entry[] } }>(
      '{ auditLog(limit: 100) { entries { id at actor action module outcome details } } }',
      undefined,
      token,
    );
    entries = listed.data!.auditLog.entries.slice().reverse();
  });
  afterAll(async () => {
    await platform?.stop().catch(() => {});
    await registry?.close();
    if (platform) await rm(platform.dataDir, { recursive: true, force: true });
  });

  it('records actor, module, versions, outcome and duration of each operation', () => {
    const summary = entries.map((entry) => ({
      action: entry.action,
      module: entry.module,
      outcome: entry.outcome,
      from: entry.details?.fromVersion ?? null,
      to: entry.details?.toVersion ?? null,
    }));
    expect(summary).toEqual([
      { action: 'module.install', module: 'nothing_here', outcome: 'FAILED:MODULE_NOT_FOUND', from: null, to: null },
      { action: 'module.install', module: 'ledger', outcome: 'SUCCEEDED', from: null, to: '1.0.0' },
      { action: 'module.upgrade', module: 'ledger', outcome: 'FAILED:VERSION_NOT_FOUND', from: '1.0.0', to: null },
      { action: 'module.upgrade', module: 'ledger', outcome: 'SUCCEEDED', from: '1.0.0', to: '2.0.0' },
      { action: 'module.install', module: 'forged', outcome: 'FAILED:CHECKSUM_MISMATCH', from: null, to: '1.0.0' },
      { action: 'module.disable', module: 'farm_manager', outcome: 'SUCCEEDED', from: null, to: null },
      { action: 'module.uninstall', module: 'ledger', outcome: 'SUCCEEDED', from: '2.0.0', to: null },
      { action: 'module.uninstall', module: 'ledger', outcome: 'FAILED:NOT_INSTALLED', from: null, to: null },
    ]);
    expect(entries.every((entry) => entry.actor === ADMIN_EMAIL)).toBe(true);
    const installerEntries = entries.filter((entry) => entry.action !== 'module.disable');
    expect(installerEntries.every((entry) => typeof entry.details?.durationMs === 'number')).toBe(true);
    const failed = entries.filter((entry) => entry.outcome.startsWith('FAILED'));
    expect(failed.every((entry) => typeof entry.details?.message === 'string' && (entry.details.message as string).length > 10)).toBe(true);
    expect(entries.map((entry) => Date.parse(entry.at))).toEqual(entries.map((entry) => Date.parse(entry.at)).sort((a, b) => a - b));
  });

  it('pages and filters by module; only SUPER_ADMIN reads it', async () => {
    const page1 = await platform.gql<{ auditLog: { entries: Entry[]; nextCursor: string } }>(
      '{ auditLog(limit: 3, module: "ledger") { entries { id module } nextCursor } }',
      undefined,
      token,
    );
    const page2 = await platform.gql<{ auditLog: { entries: Entry[]; nextCursor: string | null } }>(
      'query($a: String) { auditLog(limit: 3, module: "ledger", after: $a) { entries { id module } nextCursor } }',
      { a: page1.data!.auditLog.nextCursor },
      token,
    );
    const ids = [...page1.data!.auditLog.entries, ...page2.data!.auditLog.entries].map((entry) => entry.id);
    const ledger = entries.filter((entry) => entry.module === 'ledger').reverse();
    expect(ids).toEqual(ledger.map((entry) => entry.id));
    expect(page2.data!.auditLog.nextCursor).toBeNull();

    await platform.gql(
      'mutation { createUser(email: "auditor@example.test", password: "auditor-password", role: ADMIN) { id } }',
      undefined,
      token,
    );
    const login = await platform.gql<{ login: { token: string } }>(
      'mutation { login(email: "auditor@example.test", password: "auditor-password") { token } }',
    );
    expect(errorCode(await platform.gql('{ auditLog { entries { id } } }', undefined, login.data!.login.token))).toBe('FORBIDDEN');
    expect(errorCode(await platform.gql('{ auditLog { entries { id } } }'))).toBe('UNAUTHENTICATED');
  });

  it('a64 audit verify confirms the chain, then names the first entry someone altered', async () => {
    const total = (await platform.store.collection('audit_log').countDocuments({})) as number;
    await platform.stop();
    const intact = auditVerify(platform.dataDir);
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toContain(`chain intact (${total} entries)`);

    // Someone hides the checksum failure by rewriting its outcome in the store.
    const forged = entries.findIndex((entry) => entry.module === 'forged');
    const store = await openStore({ dataDir: platform.dataDir });
    const target = await store.collection('audit_log').findOne({ _id: entries[forged]!.id });
    await store.collection('audit_log').updateOne({ _id: entries[forged]!.id }, { $set: { outcome: 'SUCCEEDED' } });
    await store.close();
    const broken = auditVerify(platform.dataDir);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`entry ${target!.seq}`);
    expect(broken.stderr).toContain('altered');

    // Even with that entry's own hash recomputed, the next entry's link to it gives it away.
    const reopened = await openStore({ dataDir: platform.dataDir });
    const altered = (await reopened.collection('audit_log').findOne({ _id: entries[forged]!.id }))!;
    const { seq, at, actor, action, module, outcome, details } = altered;
    const hash = createHash('sha256')
      .update(String(altered.prevHash))
      .update(canonicalJson({ seq, at: (at as Date).toISOString(), actor, action, module, outcome, details }))
      .digest('hex');
    await reopened.collection('audit_log').updateOne({ _id: altered._id }, { $set: { hash } });
    await reopened.close();
    const relinked = auditVerify(platform.dataDir);
    expect(relinked.status).toBe(1);
    expect(relinked.stderr).toContain(`entry ${Number(seq) + 1}`);
  });
});
