import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, validate } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issueLicenseKey } from '../src/plugins/licenses/index.js';
import { packagePath } from '../src/plugins/registry/download-package.js';
import { contractSchema, launchChromium, MISSING_BROWSER, textOf } from './support/chromium.js';
import { deferred } from './support/deferred.js';
import { createInstallerRegistry, type InstallerRegistry, simpleModule } from './support/installer-registry.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const WAIT = { timeout: 15_000 };

/**
 * What a new admin meets in the first hour on /admin, against a real platform and a real signed
 * registry holding the first-party demo modules, in Debian's Chromium. With ADMIN_SCREENSHOTS_DIR
 * set (e.g. `docs/images`), the screenshots the docs show are written there; otherwise into the
 * test's temporary DATA_DIR.
 */
describe('admin page: the first hour (real Chromium, real registry)', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let browser: Browser;
  let page: Page;
  let token: string;
  let sentOperations: string[] = [];
  let pageErrors: string[] = [];
  const contract = contractSchema();

  beforeAll(async () => {
    const launched = await launchChromium();
    if (!launched) return;
    browser = launched;
    registry = await createInstallerRegistry();
    await registry.publishDir('modules/animal_manager/releases/1.0.0');
    await registry.publishDir('modules/inventory');
    await registry.publishDir('modules/weather_station');
    await registry.publish(simpleModule('field_journal', '1.0.0', 'fieldJournal', 'free'));
    await registry.publish({
      ...simpleModule('field_journal', '2.0.0', 'fieldJournal', 'licensed'),
      manifest: { license_required: true, license_type: 'per_installation' },
    });
    await registry.publish({
      ...simpleModule('paid_extra', '1.0.0', 'paidExtra', 'paid'),
      manifest: { license_required: true, license_type: 'subscription' },
    });
    // A long catalog TTL: only Refresh (modules(refresh: true)) shows a release published later.
    platform = await startTestPlatform({ ...registry.env, REGISTRY_TTL_SECONDS: '3600' });
    token = await platform.adminToken();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await registry?.close();
  });

  afterEach(async () => {
    if (!page) return;
    await page.context().close();
    for (const query of new Set(sentOperations))
      expect(
        validate(contract, parse(query)).map((e) => e.message),
        query,
      ).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  async function openPage(width = 1360, height = 900): Promise<Page> {
    if (!browser) throw new Error(MISSING_BROWSER);
    page = await (await browser.newContext({ viewport: { width, height } })).newPage();
    sentOperations = [];
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') sentOperations.push(request.postDataJSON().query);
    });
    await page.goto(`${platform.url}/admin`);
    const form = page.locator('#login-form');
    await form.getByLabel('Email').fill(ADMIN_EMAIL);
    await form.getByLabel('Password').fill(ADMIN_PASSWORD);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('tr.module-row').first().waitFor(WAIT);
    return page;
  }

  const row = (name: string) => page.locator(`tr.module-row[data-module="${name}"]`);
  const detail = (name: string) => page.locator(`tr[data-module-detail="${name}"]`);
  const api = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => platform.gql<T>(query, variables, token);

  async function screenshot(name: string, target: Page | ReturnType<Page['locator']> = page) {
    const dir = process.env.ADMIN_SCREENSHOTS_DIR ? path.resolve(process.env.ADMIN_SCREENSHOTS_DIR) : platform.dataDir;
    await target.screenshot({ path: path.join(dir, name), animations: 'disabled' });
  }

  it('puts the focus on the Modules heading after sign-in, and fits a 420 px screen with Sign out on it', async () => {
    await openPage(420, 900);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('modules-title');
    // Only the tables scroll sideways (inside their panels); the page itself is no wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
    expect(signOut).not.toBeNull();
    expect(signOut!.x).toBeGreaterThanOrEqual(0);
    expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(420);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#login-form').waitFor({ state: 'visible', ...WAIT });
  });

  it('shows the dependencies of an AVAILABLE module from the catalog, each satisfied or not', async () => {
    await openPage();
    const inventory = row('inventory');
    expect(await textOf(inventory.locator('.col-state'))).toBe('Available');
    await expect
      .poll(() => inventory.locator('.col-deps li.dep-ok').allInnerTexts(), WAIT)
      .toEqual(['✓core >=1.0.0', '✓farm_manager ^1.8.0']);
    // With Farm Manager disabled, Inventory's need for it shows as not satisfied.
    expect((await api('mutation { disableModule(name: "farm_manager") { state } }')).errors).toBeUndefined();
    try {
      await page.getByRole('button', { name: 'Refresh' }).first().click();
      await expect.poll(() => inventory.locator('.col-deps li.dep-missing').allInnerTexts(), WAIT).toEqual(['✗farm_manager ^1.8.0']);
    } finally {
      await api('mutation { enableModule(name: "farm_manager") { state } }');
    }
  });

  it('labels a refused install "Refused" with what to do on the page, in the row and under Live operations', async () => {
    await openPage();
    await page.locator('#operations-connection.connection-live').waitFor(WAIT);
    await row('weather_station').getByRole('button', { name: 'Install Weather Station' }).click();
    await detail('weather_station').getByRole('button', { name: 'Install' }).click();
    const error = detail('weather_station').locator('.row-error');
    await expect
      .poll(() => textOf(error), WAIT)
      .toMatch(
        /^Refused: weather_station needs a license key\. Paste the license key from the vendor into “License key” and try again\. LICENSE_REQUIRED$/,
      );
    expect(await textOf(error)).not.toContain('licenseKey');
    const operation = page.locator('#operations-list li').first();
    await expect.poll(() => textOf(operation.locator('.badge')), WAIT).toBe('Refused');
    expect(await textOf(operation)).not.toMatch(/Failed|Queued/);
    expect(await textOf(operation.locator('.operation-message'))).toContain('Paste the license key');
    await screenshot('admin-error.png');
    // The API keeps its own wording (for scripts); only the page rephrases it.
    const fromApi = await api('mutation { installModule(input: { name: "weather_station" }) { name } }');
    expect(fromApi.errors?.[0]?.message).toContain('pass licenseKey');
  });

  it('disables the Install button while its install runs, and shows the download in bytes', async () => {
    await openPage();
    const { installationId } = (await api<{ platform: { installationId: string } }>('{ platform { installationId } }')).data!.platform;
    const { key } = await issueLicenseKey(
      {
        module: 'weather_station',
        licensee: 'Green Farms Ltd',
        type: 'per_installation',
        installation: installationId,
        expiresInDays: 365,
      },
      registry.vendorKey.privateJwk,
    );
    // The package arrives in two halves; the second waits until the test has seen the first.
    const tarball = `/${packagePath('weather_station', '1.0.0')}`;
    const bytes = await readFile(path.join(registry.dir, tarball));
    const secondHalf = deferred();
    registry.server.override(tarball, (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': bytes.length });
      response.write(bytes.subarray(0, bytes.length >> 1));
      void secondHalf.promise.then(() => response.end(bytes.subarray(bytes.length >> 1)));
    });
    try {
      await page.locator('#operations-connection.connection-live').waitFor(WAIT);
      await row('weather_station').getByRole('button', { name: 'Install Weather Station' }).click();
      const form = detail('weather_station').locator('form');
      await form.getByLabel('License key').fill(key);
      await form.getByRole('button', { name: 'Install' }).click();
      const submit = form.locator('button[type=submit]');
      await expect.poll(() => submit.isDisabled(), WAIT).toBe(true);
      expect(await textOf(submit)).toBe('Installing…');
      const progress = page.locator('#operations-list li .operation-bytes');
      await expect.poll(() => textOf(progress), WAIT).toMatch(/^\d+(\.\d)? (B|KB) of \d+(\.\d)? KB$/);
      await screenshot('admin-install-progress.png');
    } finally {
      secondHalf.resolve();
      registry.server.override(tarball, null);
    }
    await expect.poll(() => textOf(row('weather_station').locator('.col-state')), WAIT).toBe('Enabled');
    expect(await textOf(row('weather_station').locator('.col-license'))).toContain('Green Farms Ltd');
  });

  it('upgrades to a version that needs a license from the Upgrade form, with the key typed there', async () => {
    expect((await api('mutation { installModule(input: { name: "field_journal", version: "1.0.0" }) { state } }')).errors).toBeUndefined();
    await openPage();
    const journal = row('field_journal');
    // Installed 1.0.0 needs no license, 2.0.0 does: the form still offers the field.
    expect(await textOf(journal.locator('.col-license'))).toBe('Not required');
    await journal.getByRole('button', { name: 'Upgrade field_journal' }).click();
    const form = detail('field_journal').locator('form');
    await form.getByRole('button', { name: 'Upgrade' }).click();
    await expect
      .poll(() => textOf(detail('field_journal').locator('.row-error')), WAIT)
      .toContain('Refused: field_journal needs a license key. Paste the license key from the vendor into “License key”');
    const { installationId } = (await api<{ platform: { installationId: string } }>('{ platform { installationId } }')).data!.platform;
    const { key } = await issueLicenseKey(
      { module: 'field_journal', licensee: 'Green Farms Ltd', type: 'per_installation', installation: installationId, expiresInDays: 30 },
      registry.vendorKey.privateJwk,
    );
    await form.getByLabel(/License key/).fill(key);
    await form.getByRole('button', { name: 'Upgrade' }).click();
    await expect.poll(() => textOf(detail('field_journal').locator('.row-notice')), WAIT).toBe('Upgraded.');
    await expect.poll(() => textOf(journal.locator('.col-version')), WAIT).toBe('2.0.0');
  });

  it('Refresh shows a release published a moment ago, although the cached catalog is still young', async () => {
    expect((await api('mutation { installModule(input: { name: "animal_manager" }) { version } }')).data).toEqual({
      installModule: { version: '1.0.0' },
    });
    await openPage();
    const animals = row('animal_manager');
    expect(await textOf(animals.locator('.col-version'))).toBe('1.0.0');
    await registry.publishDir('modules/animal_manager');
    await page.reload();
    await animals.waitFor(WAIT);
    // A plain reload lists from the cached catalog (REGISTRY_TTL_SECONDS): no update yet.
    expect(await textOf(animals.locator('.col-version'))).toBe('1.0.0');
    await page.locator('#modules-refresh').click();
    await expect.poll(() => textOf(animals.locator('.col-version')), WAIT).toContain('update available: 1.1.0');
    expect(sentOperations.some((query) => /modules\(refresh: \$refresh\)/.test(query))).toBe(true);
    await screenshot('admin-modules.png');
  });

  it('shows the users view (screenshot for the docs)', async () => {
    const created = await api<{ createUser: { id: string } }>(
      'mutation { createUser(email: "maria@example.test", password: "tomatoes in the north field", role: USER) { id } }',
    );
    const granted = await api(
      'mutation($id: ID!) { grantPermissions(userId: $id, permissions: ["farm.view", "farm.manage_blocks"]) { id } }',
      {
        id: created.data!.createUser.id,
      },
    );
    expect(granted.errors).toBeUndefined();
    await openPage(1360, 900);
    const users = page.locator('#users-panel');
    await users.locator('tbody tr', { hasText: 'maria@example.test' }).waitFor(WAIT);
    await screenshot('admin-users.png', users);
  });

  it('keeps the audit Outcome column whole at 1400 px', async () => {
    // A refusal the audit log records as FAILED:LICENSE_REQUIRED, the longest outcome there is.
    expect((await api('mutation { installModule(input: { name: "paid_extra" }) { name } }')).errors?.[0]?.extensions?.code).toBe(
      'LICENSE_REQUIRED',
    );
    await openPage(1400, 1000);
    const audit = page.locator('#audit-table');
    await audit.locator('tbody tr td.col-outcome').first().waitFor(WAIT);
    const refused = audit.locator('td.col-outcome', { hasText: 'LICENSE_REQUIRED' }).first();
    await refused.waitFor(WAIT);
    const wrap = await page.locator('#audit-table').evaluate((table) => {
      const box = table.parentElement!;
      return { scroll: box.scrollWidth, client: box.clientWidth };
    });
    expect(wrap.scroll).toBeLessThanOrEqual(wrap.client);
    const cell = await refused.evaluate((td) => ({ right: td.getBoundingClientRect().right, text: td.textContent }));
    const panel = await page.locator('#audit-table').evaluate((table) => table.parentElement!.getBoundingClientRect().right);
    expect(cell.right).toBeLessThanOrEqual(panel + 0.5);
    expect(cell.text).toBe('FAILEDLICENSE_REQUIRED');
    await screenshot('admin-audit.png', page.locator('#audit-panel'));
  });
});
