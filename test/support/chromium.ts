import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { type Browser, chromium, type Locator } from 'playwright-core';

// Debian's Chromium, never a downloaded browser. CI installs it with `apt-get install -y chromium`.
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What a missing browser fails with: the admin page tests never skip. */
export const MISSING_BROWSER = `The admin page tests need Debian's Chromium at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`;

/** Debian's Chromium, headless, with a fresh temporary profile; null when it is not installed. */
export async function launchChromium(): Promise<Browser | null> {
  if (!existsSync(CHROMIUM)) return null;
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The visible text of an element, trimmed (what a person reads). */
export async function textOf(locator: Locator): Promise<string> {
  // innerText, not textContent: hidden and collapsed text is not what people read.
  // biome-ignore lint/performance/useDomNodeTextContent: see above
  return ((await locator.count()) === 0 ? '' : await locator.first().innerText()).trim();
}

/** The public contract: every operation the page sends must be valid against `schema/*.graphql`. */
export function contractSchema(): GraphQLSchema {
  const files = readdirSync('schema').filter((name) => name.endsWith('.graphql'));
  return buildSchema(files.map((name) => readFileSync(`schema/${name}`, 'utf8')).join('\n'));
}
