import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, MISSING_BROWSER } from './support/chromium.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

const WAIT = { timeout: 20_000 };

describe('GraphiQL at /graphql works offline (real Chromium, every non-loopback request blocked)', () => {
  let platform: TestPlatform;
  let browser: Browser;
  beforeAll(async () => {
    platform = await startTestPlatform();
    const launched = await launchChromium();
    if (!launched) throw new Error(MISSING_BROWSER);
    browser = launched;
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('renders the editor, runs { platform { version } } and shows the result, loading nothing from elsewhere', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    // The air gap: only the platform itself (and in-page blob:/data: URLs) may be reached.
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'blob:' || url.protocol === 'data:' || url.hostname === '127.0.0.1') return route.continue();
      blocked.push(url.href);
      return route.abort('internetdisconnected');
    });
    try {
      await page.goto(`${platform.graphqlUrl}?query=${encodeURIComponent('{ platform { version } }')}`);
      // The editor has rendered once the query from the URL shows in it.
      await page.locator('.graphiql-query-editor').getByText('platform').first().waitFor(WAIT);
      await page.locator('.graphiql-execute-button').first().click();
      const result = page.locator('.result-window').first();
      await result.getByText('"1.0.0"').waitFor(WAIT);
      // Monaco renders spaces as no-break spaces.
      const shown = JSON.parse((await result.innerText()).replace(/\s+/gu, ' '));
      expect(shown).toEqual({ data: { platform: { version: '1.0.0' } } });
      expect(blocked).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
