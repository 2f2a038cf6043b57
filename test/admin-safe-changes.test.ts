import { parse, validate } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSchema, launchChromium, MISSING_BROWSER, textOf } from './support/chromium.js';
import { createInstallerRegistry, type InstallerRegistry } from './support/installer-registry.js';
import { notesRelease } from './support/notes-releases.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const WAIT = { timeout: 15_000 };

describe('admin page: an upgrade that removes a used field is shown as breaking and refused until accepted (real Chromium)', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let browser: Browser | null;
  let page: Page;
  let token: string;
  const consoleErrors: string[] = [];
  const sentOperations = new Set<string>();
  const version = async () =>
    (await platform.gql<{ module: { version: string } }>('{ module(name: "notes") { version } }', {}, token)).data!.module.version;

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publish(notesRelease({ version: '1.0.0', queryFields: ['notesLegacy'] }));
    // A patch release that drops the field a client uses: breaking.
    await registry.publish(notesRelease({ version: '1.0.1' }));
    platform = await startTestPlatform(registry.env);
    token = await platform.adminToken();
    await platform.gql('mutation { installModule(input: { name: "notes", version: "1.0.0" }) { version } }', {}, token);
    for (let i = 0; i < 2; i++) expect((await platform.gql('{ notesLegacy }', {}, token)).errors).toBeUndefined();
    browser = await launchChromium();
    if (!browser) return;
    page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') sentOperations.add(request.postDataJSON().query);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await registry?.close();
  });

  it('shows updateAvailable, the policy selector and a blocked update, then the plan; refuses until accepted', async () => {
    if (!browser) throw new Error(MISSING_BROWSER);
    await page.goto(`${platform.url}/admin`);
    const login = page.locator('#login-form');
    await login.getByLabel('Email').fill(ADMIN_EMAIL);
    await login.getByLabel('Password').fill(ADMIN_PASSWORD);
    await login.getByRole('button', { name: 'Sign in' }).click();
    const row = page.locator('tr.module-row[data-module="notes"]');
    const detail = page.locator('tr[data-module-detail="notes"]');
    await expect.poll(() => textOf(row.locator('.col-version')), WAIT).toContain('update available: 1.0.1');

    // The policy selector: automatic patch updates.
    await row.getByRole('button', { name: 'Updates notes' }).click();
    await detail.locator('form').getByLabel('Apply').selectOption('PATCH');
    await detail.locator('form').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => textOf(row.locator('.col-version')), WAIT).toContain('auto-updates: patch');

    // The check (also run every REGISTRY_TTL_SECONDS) blocks the breaking patch; the row says why.
    const [result] = await platform.checkForUpdates();
    expect(result).toMatchObject({ outcome: 'BLOCKED', toVersion: '1.0.1' });
    await page.locator('#modules-refresh').click();
    await expect
      .poll(() => textOf(detail.locator('.row-update-blocked')), WAIT)
      .toMatch(/^Automatic update blocked: 1\.0\.1 not applied: breaking change in use: Query\.notesLegacy \(2 uses\)/);

    // Upgrade shows the plan first: the removed field, with how often clients used it.
    await row.getByRole('button', { name: 'Upgrade notes' }).click();
    const form = detail.locator('form');
    await expect.poll(() => textOf(form.locator('.plan-summary')), WAIT).toMatch(/^Breaks 1 field\(s\) clients used recently\./);
    const change = form.locator('.plan-change.is-used');
    expect(await textOf(change)).toMatch(/^breaking Query\.notesLegacy .*removed.* — 2 uses, last /);

    // Sent without accepting: the server refuses, the page says so, nothing changed.
    await form.getByRole('button', { name: 'Upgrade' }).click();
    await expect.poll(() => textOf(detail.locator('.row-error')), WAIT).toContain('BREAKING_CHANGE');
    expect(await textOf(detail.locator('.row-error'))).toMatch(
      /^Refused: Upgrading notes 1\.0\.0 → 1\.0\.1 breaks .*Query\.notesLegacy \(2 uses\)\. Once those clients are updated, tick “I accept the breaking changes”/,
    );
    expect(await version()).toBe('1.0.0');

    // Accepted: it goes through.
    await form.getByLabel('I accept the breaking changes to Query.notesLegacy').check();
    await form.getByRole('button', { name: 'Upgrade' }).click();
    await expect.poll(() => textOf(detail.locator('.row-notice')), WAIT).toBe('Upgraded.');
    expect(await version()).toBe('1.0.1');
    await expect.poll(() => textOf(row.locator('.col-version')), WAIT).not.toContain('update available');

    expect(consoleErrors).toEqual([]);
    const contract = contractSchema();
    for (const query of sentOperations)
      expect(
        validate(contract, parse(query)).map((e) => e.message),
        query,
      ).toEqual([]);
  });
});
