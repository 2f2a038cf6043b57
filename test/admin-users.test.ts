import { existsSync } from 'node:fs';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestPlatform, type TestPlatform } from './support/start-test-platform.js';
import { createUser, FARMS, login, USER_FIELDS, type UserView } from './support/users.js';

// Debian's Chromium, never a downloaded browser (see admin-page.test.ts).
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-sync',
];
const WAIT = { timeout: 10_000 };

async function textOf(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: innerText is what people read
  return ((await locator.count()) === 0 ? '' : await locator.first().innerText()).trim();
}

describe('admin page: users, roles and what each role sees (real Chromium)', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let root: string;
  let office: UserView & { password: string };
  let worker: UserView & { password: string };

  const userView = async (id: string) =>
    (await platform.gql<{ user: UserView }>(`query($id:ID!){ user(id:$id){ ${USER_FIELDS} } }`, { id }, root)).data!.user;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`This test needs Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium`);
    platform = await startTestPlatform();
    root = await platform.adminToken();
    office = await createUser(platform, root, 'office-manager@example.test', 'ADMIN');
    worker = await createUser(platform, root, 'field-worker@example.test');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });
  beforeEach(async () => {
    page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
    consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  });
  afterEach(async () => {
    await page?.context().close();
  });

  async function signIn(email: string, password: string): Promise<void> {
    await page.goto(`${platform.url}/admin`);
    const form = page.locator('#login-form');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => textOf(page.locator('#user-email')), WAIT).toBe(email);
  }

  it('an ADMIN grants farm.view to a USER: the user’s existing token reads farms; a revoke makes the next request FORBIDDEN', async () => {
    const workerToken = await login(platform, worker.email, worker.password);
    expect(errorCode(await platform.gql(FARMS, undefined, workerToken))).toBe('FORBIDDEN');
    await signIn(office.email, office.password);

    const row = page.locator(`#users-table tr[data-user="${worker.email}"]`);
    await row.getByRole('button', { name: `Grant ${worker.email}` }).click();
    await page.getByLabel(`Permission to grant ${worker.email}`).selectOption('farm.view');
    await page.locator(`tr[data-user-detail="${worker.email}"]`).getByRole('button', { name: 'Grant', exact: true }).click();
    await expect.poll(() => textOf(row.locator('.col-permissions')), WAIT).toContain('farm.view');
    expect(await textOf(row.locator('.col-permissions'))).toContain('farm_manager');
    const granted = await platform.gql<{ farms: { totalCount: number } }>(FARMS, undefined, workerToken);
    expect(granted.errors).toBeUndefined();
    expect(granted.data?.farms.totalCount).toBeGreaterThanOrEqual(0);

    await row.getByRole('button', { name: `Revoke farm.view from ${worker.email}` }).click();
    await expect.poll(() => textOf(row.locator('.col-permissions')), WAIT).toBe('None');
    expect(errorCode(await platform.gql(FARMS, undefined, workerToken))).toBe('FORBIDDEN');
    expect(consoleErrors).toEqual([]);
  });

  it('an ADMIN sees only what the API allows: no module operations, no actions on admin accounts, only the USER role to create', async () => {
    await signIn(office.email, office.password);
    await expect.poll(() => page.locator('#modules-table tbody tr').count(), WAIT).toBeGreaterThan(0);
    await expect.poll(() => textOf(page.locator(`#users-table tr[data-user="${worker.email}"]`)), WAIT).toContain('Reset password');
    expect(await page.locator('#modules-table').getByRole('button').count()).toBe(0);
    expect(await page.locator('#install-by-name').isVisible()).toBe(false);
    expect(await page.locator('#operations-panel').isVisible()).toBe(false);
    expect(await page.locator('#audit-panel').isVisible()).toBe(false);
    expect(await page.locator(`#users-table tr[data-user="${ADMIN_EMAIL}"]`).getByRole('button').count()).toBe(0);
    expect(await page.locator(`#users-table tr[data-user="${office.email}"]`).getByRole('button').count()).toBe(0);
    const row = page.locator(`#users-table tr[data-user="${worker.email}"]`);
    expect(await row.getByRole('button', { name: `Delete ${worker.email}` }).count()).toBe(0);
    const enabledRoles = await page
      .locator('#create-user select[name=role] option:not([disabled])')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(enabledRoles).toEqual(['USER']);
    // The roles matrix is read-only for an ADMIN.
    await expect.poll(() => page.locator('#roles-table input[type=checkbox]').count(), WAIT).toBeGreaterThan(0);
    expect(await page.locator('#roles-table input[type=checkbox]:not([disabled])').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('a USER sees the modules without any action and no users, roles, operations or audit', async () => {
    await signIn(worker.email, worker.password);
    await expect.poll(() => page.locator('#modules-table tbody tr').count(), WAIT).toBeGreaterThan(0);
    expect(await page.locator('#modules-table').getByRole('button').count()).toBe(0);
    for (const panel of ['#users-panel', '#roles-panel', '#operations-panel', '#audit-panel', '#install-by-name']) {
      expect(await page.locator(panel).isVisible(), panel).toBe(false);
    }
    expect(consoleErrors).toEqual([]);
  });

  it('a SUPER_ADMIN sets the USER role in the matrix, disables, resets a password and deletes with confirmation', async () => {
    const temp = await createUser(platform, root, 'seasonal-worker@example.test');
    const tempToken = await login(platform, temp.email, temp.password);
    await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

    const box = page.getByLabel('USER holds farm.view', { exact: true });
    await box.check();
    await expect.poll(() => textOf(page.locator('#roles-status')), WAIT).toContain('USER now holds farm.view');
    expect((await platform.gql(FARMS, undefined, tempToken)).errors).toBeUndefined();
    await page.getByLabel('USER holds farm.view', { exact: true }).uncheck();
    await expect.poll(() => textOf(page.locator('#roles-status')), WAIT).toContain('no longer holds');
    expect(errorCode(await platform.gql(FARMS, undefined, tempToken))).toBe('FORBIDDEN');

    const row = page.locator(`#users-table tr[data-user="${temp.email}"]`);
    await row.getByRole('button', { name: `Disable ${temp.email}` }).click();
    await expect.poll(() => textOf(row.locator('.col-status')), WAIT).toContain('Disabled');
    expect((await userView(temp.id)).disabled).toBe(true);
    expect(errorCode(await platform.gql('{ me { email } }', undefined, tempToken))).toBe('UNAUTHENTICATED');
    await row.getByRole('button', { name: `Enable ${temp.email}` }).click();
    await expect.poll(() => textOf(row.locator('.col-status')), WAIT).toContain('Active');

    // A weak password is refused with the server's words; a good one works.
    await row.getByRole('button', { name: `Reset password ${temp.email}` }).click();
    const detail = page.locator(`tr[data-user-detail="${temp.email}"]`);
    await page.getByLabel(`New password for ${temp.email}`).fill('password12');
    await detail.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => textOf(detail.locator('.row-error')), WAIT).toMatch(/BAD_USER_INPUT: password/);
    await page.getByLabel(`New password for ${temp.email}`).fill('picked by the super admin');
    await detail.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => textOf(detail.locator('.row-notice')), WAIT).toContain('Password set');
    expect(await login(platform, temp.email, 'picked by the super admin')).toBeTruthy();

    await row.getByRole('button', { name: `Delete ${temp.email}` }).click();
    expect(await userView(temp.id)).toBeTruthy();
    await detail.getByRole('button', { name: 'Delete user' }).click();
    await expect.poll(() => row.count(), WAIT).toBe(0);
    expect(await userView(temp.id)).toBeNull();
    // Nobody deletes themselves: no Delete on one's own row.
    expect(
      await page
        .locator(`#users-table tr[data-user="${ADMIN_EMAIL}"]`)
        .getByRole('button', { name: /^Delete/ })
        .count(),
    ).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
