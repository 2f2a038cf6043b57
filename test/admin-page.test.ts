import path from 'node:path';
import { parse, validate } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contractSchema, launchChromium, MISSING_BROWSER, textOf } from './support/chromium.js';
import { deferred } from './support/deferred.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const WAIT = { timeout: 10_000 };

interface ModuleRow {
  name: string;
  displayName: string;
  state: string;
  version: string | null;
  installed: boolean;
  enabled: boolean;
  source: string;
}

describe('admin page at /admin (real Chromium)', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let sentOperations: string[];
  const contract = contractSchema();

  beforeAll(async () => {
    // A missing browser fails every test here with a clear message (MISSING_BROWSER), never skips them.
    const launched = await launchChromium();
    if (!launched) return;
    browser = launched;
    platform = await startTestPlatform();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  beforeEach(async () => {
    if (!browser) throw new Error(MISSING_BROWSER);
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
    sentOperations = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') sentOperations.push(request.postDataJSON().query);
    });
  });

  afterEach(async () => {
    if (!page) return;
    await page.context().close();
    // Whatever the server implements today, the page speaks only the documented contract.
    for (const query of new Set(sentOperations)) {
      expect(
        validate(contract, parse(query)).map((error) => error.message),
        query,
      ).toEqual([]);
    }
  });

  async function signIn(email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<void> {
    await page.goto(`${platform.url}/admin`);
    const form = page.locator('#login-form');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Sign in' }).click();
  }

  async function serverError(query: string, variables?: Record<string, unknown>): Promise<string> {
    const response = await platform.gql(query, variables, await platform.adminToken());
    const first = response.errors?.[0];
    expect(first, `expected the server to refuse: ${query}`).toBeDefined();
    const code = first!.extensions?.code;
    return code ? `${code}: ${first!.message}` : first!.message;
  }

  it('serves the page and its files with strict security headers', async () => {
    const response = await page.goto(`${platform.url}/admin`);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');

    const script = await fetch(`${platform.url}/admin/js/main.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('content-security-policy')).toBe(csp);

    // Only the page's own files are served: no traversal, no listing, no writes.
    for (const path of ['/admin/../package.json', '/admin/%2e%2e/package.json', '/admin/js/', '/admin/nope.js']) {
      const refused = await fetch(`${platform.url}${path}`);
      expect(refused.status, path).toBe(404);
      expect(await refused.text()).not.toContain('"name": "a64-platform"');
    }
    expect((await fetch(`${platform.url}/admin`, { method: 'POST' })).status).toBe(405);
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'visible', ...WAIT });
    expect(consoleErrors).toEqual([]);
  });

  it('tells a wrong password in plain words and stays on the sign-in form', async () => {
    await signIn(ADMIN_EMAIL, 'not the password');
    const expected = (
      await platform.gql('mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }', {
        e: ADMIN_EMAIL,
        p: 'not the password',
      })
    ).errors?.[0]?.message;
    expect(expected).toBeTruthy();
    await expect.poll(() => textOf(page.locator('#login-error')), WAIT).toBe(expected!);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('shows live operation progress from moduleEvents over SSE (step, bytes as a bar, failures)', async () => {
    // The server's SSE framing (graphql-yoga: `event: next` / `data:` blocks, `:` keep-alives,
    // `event: complete`), with canned events so the progress rendering is checked exactly.
    const event = (fields: Record<string, unknown>) =>
      `data: ${JSON.stringify({ data: { moduleEvents: { message: null, bytes: null, totalBytes: null, at: new Date().toISOString(), ...fields } } })}`;
    const stream = [
      ':\n\n',
      `event: next\n${event({ operationId: 'op-1', module: 'inventory', kind: 'INSTALL', step: 'QUEUED', status: 'RUNNING' })}\n\n`,
      `event: next\n${event({ operationId: 'op-1', module: 'inventory', kind: 'INSTALL', step: 'DOWNLOAD', status: 'RUNNING', bytes: 512_000, totalBytes: 2_048_000 })}\n\n`,
      `event: next\r\n${event({ operationId: 'op-2', module: 'farm_manager', kind: 'DISABLE', step: 'ACTIVATE', status: 'FAILED', message: 'Inventory depends on it.' })}\r\n\r\n`,
      'event: complete\ndata:\n\n',
    ].join('');
    let subscriptionRequests = 0;
    await page.route('**/graphql', async (route) => {
      if (!route.request().headers().accept?.includes('text/event-stream')) return route.continue();
      subscriptionRequests += 1;
      expect(route.request().headers().authorization).toMatch(/^Bearer \S+$/);
      expect(route.request().postDataJSON().query).toContain('moduleEvents');
      await route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: stream });
    });
    await signIn();

    const download = page.locator('#operations-list li[data-operation="op-1"]');
    await expect.poll(() => textOf(download), WAIT).toContain('Downloading');
    expect(await textOf(download)).toContain('inventory');
    expect(await textOf(download)).toContain('500.0 KB of 2.0 MB');
    const bar = download.locator('progress');
    expect(await bar.getAttribute('value')).toBe('512000');
    expect(await bar.getAttribute('max')).toBe('2048000');
    const failed = page.locator('#operations-list li[data-operation="op-2"]');
    await expect.poll(() => textOf(failed), WAIT).toContain('Failed');
    expect(await textOf(failed)).toContain('Inventory depends on it.');
    // One line per operation, however often its events arrive.
    expect(await page.locator('#operations-list li').count()).toBe(2);
    expect(subscriptionRequests).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });

  it('drives install, upgrade, uninstall and license forms with the contract variables, and shows refusals next to the row', async () => {
    // Registry modules need a registry; here the server's answers for them are canned, while
    // sign-in and everything else go to the real platform.
    const available = {
      name: 'inventory',
      displayName: 'Inventory',
      description: 'Stock and movements.',
      version: null,
      latestVersion: '2.1.0',
      availableVersions: ['2.1.0', '2.0.0', '1.0.0'], // the server lists them newest first (semver)
      source: 'REGISTRY',
      state: 'AVAILABLE',
      enabled: false,
      installed: false,
      licenseRequired: true,
      licenseType: 'PER_INSTALLATION',
      license: null,
      dependencies: [{ name: 'farm_manager', range: '^1.0.0', satisfied: true }],
      loadError: null,
    };
    const installed = {
      ...available,
      name: 'animal_manager',
      displayName: 'Animal Manager',
      version: '1.0.0',
      latestVersion: '1.2.0',
      availableVersions: ['1.2.0', '1.1.0', '1.0.0'],
      updateAvailable: '1.2.0',
      updatePolicy: 'MANUAL',
      updatePin: null,
      updateBlocked: null,
      previousVersion: null,
      state: 'ENABLED',
      enabled: true,
      installed: true,
      license: { state: 'VALID', licensee: 'Acme Farms', expiresAt: '2027-01-01T00:00:00.000Z' },
      dependencies: [],
    };
    const failed = {
      ...installed,
      name: 'broken_mod',
      displayName: 'Broken',
      state: 'FAILED',
      loadError: 'Cannot find module ./missing.js',
    };
    const calls: Array<{ field: string; variables: Record<string, unknown> }> = [];
    // The install stays in flight until the test has seen its live progress in the row.
    const installStarted = deferred();
    const releaseInstall = deferred();
    const downloading = {
      data: {
        moduleEvents: {
          operationId: 'op-9',
          module: 'inventory',
          kind: 'INSTALL',
          step: 'DOWNLOAD',
          status: 'RUNNING',
          message: null,
          bytes: 250,
          totalBytes: 1000,
          at: new Date().toISOString(),
        },
      },
    };
    await page.route('**/graphql', async (route) => {
      if (route.request().headers().accept?.includes('text/event-stream')) {
        await installStarted.promise;
        return route.fulfill({
          status: 200,
          contentType: 'text/event-stream',
          body: `event: next\ndata: ${JSON.stringify(downloading)}\n\n`,
        });
      }
      const body = route.request().postDataJSON() as { query: string; variables: Record<string, unknown> };
      const json = (payload: unknown) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(payload) });
      if (/\bmodules[ (]/.test(body.query)) return json({ data: { modules: [available, installed, failed] } });
      const field = /\b(installModule|upgradeModule|uninstallModule|setModuleLicense|enableModule)\(/.exec(body.query)?.[1];
      if (!field) return route.continue();
      calls.push({ field, variables: body.variables });
      if (field === 'installModule') {
        installStarted.resolve();
        await releaseInstall.promise;
        return json({ errors: [{ message: 'The license key is for another installation.', extensions: { code: 'LICENSE_INVALID' } }] });
      }
      if (field === 'uninstallModule') return json({ data: { uninstallModule: true } });
      return json({ data: { [field]: { name: body.variables.name, state: 'ENABLED', version: '1.2.0', license: { state: 'VALID' } } } });
    });
    await signIn();

    const inventory = page.locator('tr.module-row[data-module="inventory"]');
    await inventory.waitFor(WAIT);
    expect(await textOf(inventory.locator('.col-state'))).toBe('Available');
    expect(await textOf(inventory.locator('.col-deps'))).toContain('farm_manager');

    // Install: version select (newest first) and license key; the refusal stays next to the row.
    await inventory.getByRole('button', { name: 'Install Inventory' }).click();
    const installForm = page.locator('tr[data-module-detail="inventory"] form');
    expect(await installForm.locator('select[name=version] option').allInnerTexts()).toEqual(['Latest (2.1.0)', '2.1.0', '2.0.0', '1.0.0']);
    await installForm.getByLabel('Version').selectOption('2.0.0');
    await installForm.getByLabel('License key').fill('key-for-another-installation');
    await installForm.getByRole('button', { name: 'Install' }).click();
    // While it runs, the row shows the live step from moduleEvents.
    await expect.poll(() => textOf(inventory.locator('.working')), WAIT).toBe('Downloading 25%');
    releaseInstall.resolve();
    const inventoryDetail = page.locator('tr[data-module-detail="inventory"]');
    await expect
      .poll(() => textOf(inventoryDetail.locator('.row-error')), WAIT)
      .toBe(
        'Refused: The license key is for another installation. Check that the key is for this module and for this installation (its ID is at the top of the page). LICENSE_INVALID',
      );
    expect(calls.at(-1)).toEqual({
      field: 'installModule',
      variables: { input: { name: 'inventory', version: '2.0.0', licenseKey: 'key-for-another-installation' } },
    });
    // The form stays open with what was typed, so the admin can fix the key and retry.
    expect(await installForm.getByLabel('Version').inputValue()).toBe('2.0.0');
    expect(await installForm.getByLabel('License key').inputValue()).toBe('key-for-another-installation');

    // Upgrade: flagged, offers only newer versions, "Latest" sends no version.
    const animals = page.locator('tr.module-row[data-module="animal_manager"]');
    expect(await textOf(animals.locator('.col-version'))).toContain('update available: 1.2.0');
    expect(await textOf(animals.locator('.col-license'))).toContain('Acme Farms');
    await animals.getByRole('button', { name: 'Upgrade Animal Manager' }).click();
    const upgradeForm = page.locator('tr[data-module-detail="animal_manager"] form');
    expect(await upgradeForm.locator('select[name=version] option').allInnerTexts()).toEqual(['Latest (1.2.0)', '1.2.0', '1.1.0']);
    await upgradeForm.getByRole('button', { name: 'Upgrade' }).click();
    await expect.poll(() => textOf(page.locator('tr[data-module-detail="animal_manager"] .row-notice')), WAIT).toBe('Upgraded.');
    expect(calls.at(-1)).toEqual({ field: 'upgradeModule', variables: { name: 'animal_manager' } });

    // Set license, then uninstall after confirming, dropping data.
    await animals.getByRole('button', { name: 'Set license Animal Manager' }).click();
    await page.locator('tr[data-module-detail="animal_manager"] form').getByLabel('License key').fill('new-key');
    await page.getByRole('button', { name: 'Save license' }).click();
    await expect.poll(() => calls.at(-1)?.field, WAIT).toBe('setModuleLicense');
    expect(calls.at(-1)?.variables).toEqual({ name: 'animal_manager', licenseKey: 'new-key' });
    await animals.getByRole('button', { name: 'Uninstall Animal Manager' }).click();
    const confirm = page.locator('tr[data-module-detail="animal_manager"] form');
    expect(await textOf(confirm)).toContain('Uninstall Animal Manager?');
    await confirm.getByLabel('Also delete its data').check();
    await confirm.getByRole('button', { name: 'Uninstall' }).click();
    await expect.poll(() => calls.at(-1)?.field, WAIT).toBe('uninstallModule');
    expect(calls.at(-1)?.variables).toEqual({ name: 'animal_manager', dropData: true });

    // A FAILED module shows why, and offers a retry.
    const broken = page.locator('tr[data-module-detail="broken_mod"] .row-load-error');
    expect(await textOf(broken)).toContain('Cannot find module ./missing.js');
    await page.locator('tr.module-row[data-module="broken_mod"]').getByRole('button', { name: 'Retry Broken' }).click();
    await expect.poll(() => calls.at(-1), WAIT).toEqual({ field: 'enableModule', variables: { name: 'broken_mod' } });
    expect(consoleErrors).toEqual([]);
  });

  it('signs in, shows platform and modules, creates a user, shows refused mutations, signs out', async () => {
    const token = await platform.adminToken();
    const info = await platform.gql<{ platform: { version: string; installationId: string } }>('{ platform { version installationId } }');
    const listed = await platform.gql<{ modules: ModuleRow[] }>(
      '{ modules { name displayName state version installed enabled source } }',
      {},
      token,
    );
    const modules = listed.data!.modules;
    expect(modules.length).toBeGreaterThan(0);

    await signIn();
    await expect.poll(() => textOf(page.locator('#user-email')), WAIT).toBe(ADMIN_EMAIL);
    await expect.poll(() => textOf(page.locator('#platform-info')), WAIT).toContain(info.data!.platform.version);
    await expect.poll(() => textOf(page.locator('#platform-info')), WAIT).toContain(info.data!.platform.installationId);

    // Modules table: one row per module the server lists, with its state badge.
    const rows = page.locator('#modules-table tr.module-row');
    await expect.poll(() => rows.count(), WAIT).toBe(modules.length);
    for (const module of modules) {
      const row = page.locator(`tr.module-row[data-module="${module.name}"]`);
      await expect.poll(() => textOf(row), WAIT).toContain(module.displayName);
      await expect.poll(() => textOf(row.locator('.col-state .badge')), WAIT).toMatch(new RegExp(module.state, 'i'));
    }

    // The token survives a reload of the tab (sessionStorage) and nothing else is stored.
    await page.reload();
    await expect.poll(() => textOf(page.locator('#user-email')), WAIT).toBe(ADMIN_EMAIL);
    expect(await page.evaluate(() => Object.keys(localStorage).length)).toBe(0);

    // Create a user through the form and see it listed (and really stored on the server).
    const email = `clerk-${Date.now()}@example.test`;
    const form = page.locator('#create-user');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill('a long enough password');
    await form.getByLabel('Role').selectOption('ADMIN');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => textOf(page.locator(`#users-table tr[data-user="${email}"]`)), WAIT).toContain('Admin');
    const users = await platform.gql<{ users: Array<{ email: string; role: string }> }>('{ users { email role } }', {}, token);
    expect(users.data!.users).toContainEqual({ email, role: 'ADMIN' });

    // A refused createUser (password too short) shows the server's words next to the form.
    await form.getByLabel('Email').fill(`short-${Date.now()}@example.test`);
    await form.getByLabel('Password').fill('short');
    await form.getByRole('button', { name: 'Create user' }).click();
    const shortPassword = await serverError('mutation { createUser(email: "x-short@example.test", password: "short", role: USER) { id } }');
    await expect.poll(() => textOf(page.locator('#create-user-error')), WAIT).toBe(shortPassword);

    // A mutation on a module that does not exist: the page shows exactly what the server said.
    const install = page.locator('#install-by-name');
    // Asked first, not alongside the click: two installs of one module at once would (rightly) meet OPERATION_IN_PROGRESS.
    const unknown = await serverError('mutation($input: InstallModuleInput!) { installModule(input: $input) { name } }', {
      input: { name: 'no_such_module' },
    });
    await install.getByLabel('Module name').fill('no_such_module');
    await install.getByRole('button', { name: 'Install' }).click();
    // The API names its query; the page says what to do on the page, and keeps the code.
    expect(unknown).toContain('Check the name with the modules query.');
    await expect
      .poll(() => textOf(page.locator('#install-by-name-error')), WAIT)
      .toBe(
        'Refused: The registry has no module named "no_such_module". Check the name against the Modules table; “Refresh” fetches the registry’s newest catalog. (MODULE_NOT_FOUND)',
      );

    // A row action against the live server: disable an enabled module, then enable it again.
    const enabled = modules.find((module) => module.state === 'ENABLED');
    if (!enabled) throw new Error('expected at least one ENABLED (bundled) module to exercise row actions');
    const row = page.locator(`tr.module-row[data-module="${enabled.name}"]`);
    await row.getByRole('button', { name: `Disable ${enabled.displayName}` }).click();
    // Disabling first shows its plan (what leaves the schema) and asks to confirm.
    const disableForm = page.locator(`tr[data-module-detail="${enabled.name}"] form`);
    await expect.poll(() => textOf(disableForm.locator('.change-plan')), WAIT).toContain('breaking');
    await disableForm.getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => textOf(row.locator('.col-state .badge')), WAIT).toBe('Disabled');
    await row.getByRole('button', { name: `Enable ${enabled.displayName}` }).click();
    await expect.poll(() => textOf(row.locator('.col-state .badge')), WAIT).toBe('Enabled');
    const after = await platform.gql<{ module: { state: string } }>(
      'query($n:String!){ module(name:$n){ state } }',
      { n: enabled.name },
      token,
    );
    expect(after.data?.module.state).toBe('ENABLED');

    // Panels backed by operations that may not exist yet still render (data or the server's error).
    await page
      .locator('#audit-table tbody tr, #audit-status.is-error')
      .first()
      .waitFor({ state: 'visible', ...WAIT });
    await expect.poll(() => textOf(page.locator('#operations-connection')), WAIT).not.toBe('');

    // Into the test's own temporary DATA_DIR: parallel runs never share a file.
    await page.screenshot({ path: path.join(platform.dataDir, 'admin.png'), fullPage: true });
    // platform, me/login, modules, users, auditLog, createUser, installModule, disable/enable, moduleEvents
    expect(new Set(sentOperations).size).toBeGreaterThanOrEqual(9);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'visible', ...WAIT });
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
