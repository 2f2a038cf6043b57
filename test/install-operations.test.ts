import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeLicense } from '../src/packaging/revoke-license.js';
import { issueLicenseKey } from '../src/plugins/licenses/index.js';
import { generateSigningKeyPair } from '../src/plugins/registry/signing-keys.js';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry, simpleModule } from './support/installer-registry.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

interface Event {
  module: string;
  kind: string;
  step: string;
  status: string;
  message: string | null;
  bytes: number | null;
  totalBytes: number | null;
}

/** Reads `moduleEvents` over SSE until `module`'s operation ends (SUCCEEDED or FAILED). */
async function watchEvents(url: string, token: string, module: string): Promise<{ ready: Promise<void>; done: Promise<Event[]> }> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    signal: controller.signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'subscription { moduleEvents { module kind step status message bytes totalBytes } }' }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: Event[] = [];
  const done = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) return events;
      buffer += decoder.decode(value, { stream: true });
      for (const line of buffer.split('\n').slice(0, -1)) {
        if (!line.startsWith('data:')) continue;
        const payload = JSON.parse(line.slice(5)) as { data?: { moduleEvents: Event } };
        const event = payload.data?.moduleEvents;
        if (event?.module !== module) continue;
        events.push(event);
        if (event.status !== 'RUNNING') {
          controller.abort();
          return events;
        }
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    }
  })().catch(() => events);
  return { ready: new Promise((resolve) => setTimeout(resolve, 300)), done };
}

describe('licenses, concurrency, progress and audit of module operations', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let token: string;
  let installationId: string;

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    const licensed = {
      ...simpleModule('licensed_app', '1.0.0', 'licensedApp', 'paid'),
      manifest: { license_required: true, license_type: 'per_installation' },
    };
    await registry.publish(licensed);
    await registry.publish({ ...licensed, version: '1.1.0' });
    await registry.publish(simpleModule('alpha', '1.0.0', 'alpha', 'a'));
    await registry.publish(simpleModule('beta', '1.0.0', 'beta', 'b'));
    await registry.publish(simpleModule('gamma', '1.0.0', 'gamma', 'g', `big: '${'x'.repeat(200_000)}',`));
    platform = await startTestPlatform(registry.env);
    token = await platform.adminToken();
    installationId = platform.installationId;
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  const install = (name: string, licenseKey?: string) =>
    platform.gql<{ installModule: { state: string; license: { state: string; licensee: string | null } } }>(
      'mutation($n: String!, $k: String) { installModule(input: { name: $n, version: "1.0.0", licenseKey: $k }) { state license { state licensee } } }',
      { n: name, k: licenseKey },
      token,
    );
  const issue = (overrides: Partial<Parameters<typeof issueLicenseKey>[0]> = {}, key = registry.vendorKey.privateJwk) =>
    issueLicenseKey(
      {
        module: 'licensed_app',
        licensee: 'Green Farms',
        type: 'per_installation',
        installation: installationId,
        expiresInDays: 30,
        ...overrides,
      },
      key,
    );

  it('checks licenses before downloading: required, invalid, expired, revoked', async () => {
    expect(errorCode(await install('licensed_app'))).toBe('LICENSE_REQUIRED');
    const otherVendor = await generateSigningKeyPair();
    expect(errorCode(await install('licensed_app', (await issue({}, otherVendor.privateJwk)).key))).toBe('LICENSE_INVALID');
    expect(errorCode(await install('licensed_app', (await issue({ module: 'alpha' })).key))).toBe('LICENSE_INVALID');
    expect(errorCode(await install('licensed_app', (await issue({ installation: 'another-installation' })).key))).toBe('LICENSE_INVALID');
    const signing = await importJWK({ ...registry.vendorKey.privateJwk }, 'EdDSA');
    const expired = await new SignJWT({ module: 'licensed_app', type: 'per_installation' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setJti('expired-1')
      .setSubject('Green Farms')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(signing);
    expect(errorCode(await install('licensed_app', expired))).toBe('LICENSE_EXPIRED');
    const revoked = await issue();
    await revokeLicense(registry.dir, revoked.jti, registry.registryKey.privateJwk);
    expect(errorCode(await install('licensed_app', revoked.key))).toBe('LICENSE_REVOKED');
    expect(registry.server.hits.some((hit) => hit.endsWith('.tar.gz') && hit.includes('licensed_app'))).toBe(false);
  });

  it('installs with a valid license, shows its status, and never keeps or shows the key in clear', async () => {
    const { key } = await issue();
    const installed = await install('licensed_app', key);
    expect(installed.data?.installModule).toEqual({ state: 'ENABLED', license: { state: 'VALID', licensee: 'Green Farms' } });
    const signature = key.split('.')[2]!;
    for (const file of await readdir(platform.dataDir, { recursive: true })) {
      const text = await readFile(path.join(platform.dataDir, file), 'utf8').catch(() => '');
      expect(text.includes(signature), `${file} holds the license key`).toBe(false);
    }
    const audit = await platform.gql('{ auditLog(limit: 50) { entries { details } } }', undefined, token);
    expect(JSON.stringify(audit)).not.toContain(signature);
    // Upgrading reuses the stored key; setModuleLicense replaces it.
    const upgraded = await platform.gql<{ upgradeModule: { version: string } }>(
      'mutation { upgradeModule(name: "licensed_app") { version } }',
      undefined,
      token,
    );
    expect(upgraded.data?.upgradeModule.version).toBe('1.1.0');
    const renewed = await issue({ licensee: 'Green Farms Renewed' });
    const set = await platform.gql<{ setModuleLicense: { license: { licensee: string } } }>(
      'mutation($k: String!) { setModuleLicense(name: "licensed_app", licenseKey: $k) { license { licensee } } }',
      { k: renewed.key },
      token,
    );
    expect(set.data?.setModuleLicense.license.licensee).toBe('Green Farms Renewed');
  });

  it('runs one operation per module: a second concurrent install is OPERATION_IN_PROGRESS; other modules go side by side', async () => {
    const [first, second, other] = await Promise.all([install('alpha'), install('alpha'), install('beta')]);
    const codes = [first, second].map((response) => errorCode(response) ?? response.data?.installModule.state).sort();
    expect(codes).toEqual(['ENABLED', 'OPERATION_IN_PROGRESS']);
    expect(other.data?.installModule.state).toBe('ENABLED');
  });

  it('reports progress on moduleEvents, with bytes while downloading and a final status', async () => {
    const watch = await watchEvents(platform.graphqlUrl, token, 'gamma');
    await watch.ready;
    await install('gamma');
    const events = await watch.done;
    const steps = events.map((event) => event.step);
    expect(steps[0]).toBe('QUEUED');
    for (const step of ['LICENSE', 'DOWNLOAD', 'VERIFY', 'EXTRACT', 'RESOLVE', 'LOAD', 'ACTIVATE']) expect(steps).toContain(step);
    expect(events.some((event) => event.bytes !== null && event.totalBytes !== null && event.bytes > 0)).toBe(true);
    expect(events.at(-1)).toMatchObject({ step: 'DONE', status: 'SUCCEEDED' });

    const failing = await watchEvents(platform.graphqlUrl, token, 'gamma');
    await failing.ready;
    await platform.gql('mutation { upgradeModule(name: "gamma", version: "7.0.0") { version } }', undefined, token);
    expect((await failing.done).at(-1)).toMatchObject({ status: 'FAILED' });
  });

  it('keeps moduleEvents and auditLog for SUPER_ADMIN, and the audit chain verifies', async () => {
    await platform.gql(
      'mutation { createUser(email: "viewer@example.test", password: "viewer-password", role: ADMIN) { id } }',
      undefined,
      token,
    );
    const login = await platform.gql<{ login: { token: string } }>(
      'mutation { login(email: "viewer@example.test", password: "viewer-password") { token } }',
    );
    const adminToken = login.data!.login.token;
    expect(errorCode(await platform.gql('{ auditLog { entries { id } } }', undefined, adminToken))).toBe('FORBIDDEN');
    expect(errorCode(await platform.gql('mutation { installModule(input: { name: "beta" }) { state } }', undefined, adminToken))).toBe(
      'FORBIDDEN',
    );
    const page1 = await platform.gql<{ auditLog: { entries: Array<{ id: string }>; nextCursor: string } }>(
      '{ auditLog(limit: 3) { entries { id } nextCursor } }',
      undefined,
      token,
    );
    expect(page1.data?.auditLog.entries).toHaveLength(3);
    const page2 = await platform.gql<{ auditLog: { entries: Array<{ id: string }> } }>(
      'query($a: String) { auditLog(limit: 3, after: $a) { entries { id } } }',
      { a: page1.data?.auditLog.nextCursor },
      token,
    );
    expect(page2.data?.auditLog.entries[0]?.id).not.toBe(page1.data?.auditLog.entries[0]?.id);
    const { createAuditLogRepository } = await import('../src/plugins/audit/index.js');
    expect((await createAuditLogRepository(platform.store).verify()).ok).toBe(true);
  });
});
