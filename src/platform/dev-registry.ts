import { existsSync, readFileSync } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Ed25519PublicJwk } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import { createRegistryRequestHandler } from '../packaging/create-registry-request-handler.js';
import { readPrivateJwk } from '../packaging/read-private-jwk.js';
import { resignIfExpiring } from '../packaging/resign-if-expiring.js';
import { DEV_REGISTRY_DIR, DEV_REGISTRY_KEYS_DIR } from './paths.js';

export const DEV_REGISTRY_PREFIX = '/dev-registry';

/** Re-sign the development catalog at start when it expires within this many days. */
const RESIGN_WITHIN_DAYS = 7;
/** A re-sign lock older than this was left by a process that died: take it over. */
const STALE_LOCK_MS = 60_000;

export interface DevRegistry {
  publicKey: Ed25519PublicJwk;
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface DevRegistryOptions {
  logger: Logger;
  /** Defaults: `build/registry` and `build/dev-keys` of this checkout. */
  registryDir?: string;
  keysDir?: string;
  now?: () => Date;
}

/**
 * The demo registry `npm run build` publishes the first-party modules into, served by the
 * platform itself at /dev-registry and trusted with the development key — only when no
 * REGISTRY_URL is configured. Null when the build made none.
 *
 * Catalogs expire 30 days after signing, and a checkout is often older than that: the
 * development catalog is re-signed here (with the development key next to it) when it expires
 * within a week, so the demo modules never vanish. A real registry is re-signed by its owner
 * (`a64 registry resign`); the platform never holds that key.
 */
export async function loadDevRegistry(options: DevRegistryOptions): Promise<DevRegistry | null> {
  const registryDir = options.registryDir ?? DEV_REGISTRY_DIR;
  const keysDir = options.keysDir ?? DEV_REGISTRY_KEYS_DIR;
  const keyFile = path.join(keysDir, 'public.jwk.json');
  if (!existsSync(path.join(registryDir, 'catalog.json')) || !existsSync(keyFile)) return null;
  const publicKey = Ed25519PublicJwk.parse(JSON.parse(readFileSync(keyFile, 'utf8')));
  await resignDevCatalog(registryDir, keysDir, options);
  const serve = createRegistryRequestHandler(registryDir);
  return {
    publicKey,
    async handler(req, res) {
      req.url = (req.url ?? '/').slice(DEV_REGISTRY_PREFIX.length) || '/';
      await serve(req, res);
    },
  };
}

async function resignDevCatalog(registryDir: string, keysDir: string, { logger, now = () => new Date() }: DevRegistryOptions) {
  const privateFile = path.join(keysDir, 'private.jwk.json');
  if (!existsSync(privateFile)) return;
  // Several platforms may start from one checkout at once (tests): one of them signs.
  const lockFile = path.join(keysDir, 'resign.lock');
  const lock = await takeLock(lockFile, now());
  if (!lock) return;
  try {
    const { resigned, catalogVersion } = await resignIfExpiring(registryDir, await readPrivateJwk(privateFile), {
      withinDays: RESIGN_WITHIN_DAYS,
      now: now(),
    });
    if (resigned.length > 0) {
      logger.info(
        { registryDir, resigned, catalogVersion },
        `re-signed the development registry (${resigned.join(', ')}) for 30 more days with the development key; a real registry is re-signed by its owner with \`a64 registry resign\``,
      );
    }
  } catch (error) {
    logger.warn({ err: error, registryDir }, 'could not re-sign the development registry; run `npm run build` to rebuild it');
  } finally {
    await lock.close();
    await rm(lockFile, { force: true });
  }
}

async function takeLock(lockFile: string, at: Date) {
  try {
    return await open(lockFile, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null;
    const age = at.getTime() - (await stat(lockFile).catch(() => ({ mtimeMs: at.getTime() }))).mtimeMs;
    if (age < STALE_LOCK_MS) return null;
    await rm(lockFile, { force: true });
    return open(lockFile, 'wx').catch(() => null);
  }
}
