import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Ed25519PublicJwk } from '../config/index.js';
import { createRegistryRequestHandler } from '../packaging/create-registry-request-handler.js';
import { DEV_REGISTRY_DIR, DEV_REGISTRY_KEYS_DIR } from './paths.js';

export const DEV_REGISTRY_PREFIX = '/dev-registry';

export interface DevRegistry {
  publicKey: Ed25519PublicJwk;
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/**
 * The demo registry `npm run build` publishes the first-party modules into, served by the
 * platform itself at /dev-registry and trusted with the development key — only when no
 * REGISTRY_URL is configured. Null when the build made none.
 */
export function loadDevRegistry(): DevRegistry | null {
  const keyFile = path.join(DEV_REGISTRY_KEYS_DIR, 'public.jwk.json');
  if (!existsSync(path.join(DEV_REGISTRY_DIR, 'catalog.json')) || !existsSync(keyFile)) return null;
  const publicKey = Ed25519PublicJwk.parse(JSON.parse(readFileSync(keyFile, 'utf8')));
  const serve = createRegistryRequestHandler(DEV_REGISTRY_DIR);
  return {
    publicKey,
    async handler(req, res) {
      req.url = (req.url ?? '/').slice(DEV_REGISTRY_PREFIX.length) || '/';
      await serve(req, res);
    },
  };
}
