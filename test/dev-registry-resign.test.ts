import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Ed25519PublicJwk } from '../src/config/index.js';
import { createLogger } from '../src/logging/index.js';
import { readPrivateJwk, resignCatalog } from '../src/packaging/index.js';
import { loadDevRegistry } from '../src/platform/dev-registry.js';
import { DEV_REGISTRY_DIR, DEV_REGISTRY_KEYS_DIR } from '../src/platform/paths.js';
import { verifyDetached } from '../src/plugins/registry/index.js';

const DAY = 86_400_000;

describe('the development registry is re-signed at start', () => {
  let work: string | undefined;
  afterEach(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** A copy of the build's development registry and keys (the real one is shared by every test). */
  async function copyOfDevRegistry() {
    work = await mkdtemp(path.join(tmpdir(), 'a64-dev-registry-'));
    const registryDir = path.join(work, 'registry');
    const keysDir = path.join(work, 'dev-keys');
    await cp(DEV_REGISTRY_DIR, registryDir, { recursive: true });
    await cp(DEV_REGISTRY_KEYS_DIR, keysDir, { recursive: true });
    return { registryDir, keysDir };
  }

  function capturingLogger() {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
    return { logger, lines };
  }

  const readCatalog = async (dir: string) => JSON.parse(await readFile(path.join(dir, 'catalog.json'), 'utf8'));

  it('signs an expired development catalog again, says so in the log, and the signature verifies', async () => {
    const { registryDir, keysDir } = await copyOfDevRegistry();
    // As if `npm install` ran 40 days ago: signed then, expired 10 days ago.
    await resignCatalog(registryDir, await readPrivateJwk(path.join(keysDir, 'private.jwk.json')), {
      now: new Date(Date.now() - 40 * DAY),
    });
    const expired = await readCatalog(registryDir);
    expect(Date.parse(expired.expires)).toBeLessThan(Date.now());

    const { logger, lines } = capturingLogger();
    const registry = await loadDevRegistry({ logger, registryDir, keysDir });
    expect(registry).not.toBeNull();

    const renewed = await readCatalog(registryDir);
    expect(renewed.version).toBe(expired.version + 1);
    expect(Date.parse(renewed.expires)).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(renewed.modules).toEqual(expired.modules);
    const bytes = await readFile(path.join(registryDir, 'catalog.json'));
    const signature = (await readFile(path.join(registryDir, 'catalog.json.sig'), 'utf8')).trim();
    const publicKey = Ed25519PublicJwk.parse(JSON.parse(await readFile(path.join(keysDir, 'public.jwk.json'), 'utf8')));
    await expect(verifyDetached(bytes, signature, publicKey)).resolves.not.toThrow();
    const line = lines.find((entry) => String(entry.msg).startsWith('re-signed the development registry'));
    expect(line).toMatchObject({ level: 30, resigned: expect.arrayContaining(['catalog.json']) });
    expect(String(line?.msg)).toContain('a64 registry resign');
  });

  it('leaves a catalog that is far from expiry alone', async () => {
    const { registryDir, keysDir } = await copyOfDevRegistry();
    await resignCatalog(registryDir, await readPrivateJwk(path.join(keysDir, 'private.jwk.json')));
    const fresh = await readFile(path.join(registryDir, 'catalog.json'), 'utf8');
    const { logger, lines } = capturingLogger();
    await loadDevRegistry({ logger, registryDir, keysDir });
    expect(await readFile(path.join(registryDir, 'catalog.json'), 'utf8')).toBe(fresh);
    expect(lines.filter((entry) => String(entry.msg).startsWith('re-signed'))).toEqual([]);
  });
});
