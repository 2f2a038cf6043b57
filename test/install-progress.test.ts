import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry, simpleModule } from './support/installer-registry.js';
import { subscribeModuleEvents } from './support/module-events.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const STEPS = ['QUEUED', 'LICENSE', 'DOWNLOAD', 'VERIFY', 'EXTRACT', 'RESOLVE', 'LOAD', 'ACTIVATE', 'DONE'];

describe('moduleEvents: live progress of module operations over SSE', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let token: string;

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    // ~1.5 MB of incompressible data: the download arrives in many chunks.
    await registry.publish({
      ...simpleModule('progress_big', '1.0.0', 'progressBig', 'ok'),
      extraFiles: [{ path: 'data/blob.bin', data: randomBytes(1_500_000) }],
    });
    await registry.publish({
      ...simpleModule('progress_paid', '1.0.0', 'progressPaid', 'ok'),
      manifest: { license_required: true, license_type: 'subscription' },
    });
    platform = await startTestPlatform(registry.env);
    token = await platform.adminToken();
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  it('reports every step of an install in order, with download bytes, then DONE SUCCEEDED', async () => {
    const stream = await subscribeModuleEvents(platform.graphqlUrl, token);
    try {
      const installed = await platform.gql('mutation { installModule(input: { name: "progress_big" }) { state } }', undefined, token);
      expect(installed.data).toEqual({ installModule: { state: 'ENABLED' } });
      const events = await stream.finished('progress_big');

      expect(new Set(events.map((event) => event.operationId)).size).toBe(1);
      expect(events.every((event) => event.kind === 'INSTALL')).toBe(true);
      const announced = events.filter((event) => event.bytes === null).map((event) => event.step);
      expect(announced).toEqual(STEPS);
      expect(events.at(-1)).toMatchObject({ step: 'DONE', status: 'SUCCEEDED' });
      expect(events.at(-1)?.message).toMatch(/install of progress_big succeeded/);

      // Bytes come between the DOWNLOAD and VERIFY announcements, grow, and end at the signed size.
      const catalog = JSON.parse(await readFile(path.join(registry.dir, 'catalog.json'), 'utf8'));
      const size = catalog.modules.find((m: { name: string }) => m.name === 'progress_big').versions[0].size;
      const downloadAt = events.findIndex((event) => event.step === 'DOWNLOAD' && event.bytes === null);
      const verifyAt = events.findIndex((event) => event.step === 'VERIFY');
      const progress = events.filter((event) => event.bytes !== null);
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.every((event) => event.step === 'DOWNLOAD' && event.totalBytes === size)).toBe(true);
      expect(events.indexOf(progress[0]!)).toBeGreaterThan(downloadAt);
      expect(events.indexOf(progress.at(-1)!)).toBeLessThan(verifyAt);
      const bytes = progress.map((event) => event.bytes!);
      expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
      expect(bytes.at(-1)).toBe(size);
    } finally {
      stream.close();
    }
  });

  it('ends a refused install with a FAILED event carrying the same message as the error', async () => {
    const stream = await subscribeModuleEvents(platform.graphqlUrl, token);
    try {
      const refused = await platform.gql('mutation { installModule(input: { name: "progress_paid" }) { state } }', undefined, token);
      expect(errorCode(refused)).toBe('LICENSE_REQUIRED');
      const events = await stream.finished('progress_paid');
      expect(events.map((event) => `${event.step}:${event.status}`)).toEqual(['QUEUED:RUNNING', 'LICENSE:RUNNING', 'LICENSE:FAILED']);
      expect(events.at(-1)?.message).toBe(refused.errors?.[0]?.message);
      expect(events.at(-1)?.message).toContain('license key');
    } finally {
      stream.close();
    }
  });

  it('streams enable/disable too, and refuses the subscription to anyone but SUPER_ADMIN', async () => {
    const stream = await subscribeModuleEvents(platform.graphqlUrl, token);
    try {
      await platform.gql('mutation { disableModule(name: "progress_big") { state } }', undefined, token);
      const events = await stream.finished('progress_big');
      expect(events.at(-1)).toMatchObject({ kind: 'DISABLE', step: 'DONE', status: 'SUCCEEDED' });
    } finally {
      stream.close();
    }

    await platform.gql(
      'mutation { createUser(email: "ops@example.test", password: "ops-password-1", role: ADMIN) { id } }',
      undefined,
      token,
    );
    const login = await platform.gql<{ login: { token: string } }>(
      'mutation { login(email: "ops@example.test", password: "ops-password-1") { token } }',
    );
    const admin = await subscribeModuleEvents(platform.graphqlUrl, login.data!.login.token);
    await admin.ended;
    expect(admin.payloads.map(errorCode)).toEqual(['FORBIDDEN']);
    const anonymous = await subscribeModuleEvents(platform.graphqlUrl);
    await anonymous.ended;
    expect(anonymous.payloads.map(errorCode)).toEqual(['UNAUTHENTICATED']);
  });
});
