import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrivateJwk } from '../plugins/registry/index.js';
import { readRegistryCatalog } from './read-registry-catalog.js';
import { resignCatalog } from './resign-catalog.js';
import { writeSignedJson } from './write-signed-json.js';

export interface ResignIfExpiringOptions {
  /** Re-sign what expires within this many days (or has expired). */
  withinDays: number;
  /** The catalog's next version is at least this (the demo build keeps its own counter). */
  minVersion?: number;
  now?: Date;
}

export interface ResignResult {
  /** The files signed again (`catalog.json`, `revocations.json`); empty when none was close to expiry. */
  resigned: string[];
  /** The catalog's version after this call (null without a catalog). */
  catalogVersion: number | null;
}

/**
 * Signs an idle registry's `catalog.json` and `revocations.json` again (version + 1, 30 more
 * days) when they expire within `withinDays`: the development registry must stay usable
 * however long ago `npm install` built it. A real registry does this with `a64 registry resign`.
 */
export async function resignIfExpiring(
  registryDir: string,
  privateJwk: PrivateJwk,
  options: ResignIfExpiringOptions,
): Promise<ResignResult> {
  const now = options.now ?? new Date();
  const soon = now.getTime() + options.withinDays * 86_400_000;
  const resigned: string[] = [];
  const catalog = await readRegistryCatalog(registryDir);
  let catalogVersion = catalog?.version ?? null;
  if (catalog && Date.parse(catalog.expires) < soon) {
    catalogVersion = await resignCatalog(registryDir, privateJwk, { now, minVersion: options.minVersion });
    resigned.push('catalog.json');
  }
  const revocations = await readFile(path.join(registryDir, 'revocations.json'), 'utf8')
    .then((text) => JSON.parse(text) as { version: number; expires: string; revoked: string[] })
    .catch(() => null);
  if (revocations && Date.parse(revocations.expires) < soon) {
    const expires = new Date(now.getTime() + 30 * 86_400_000).toISOString();
    await writeSignedJson(registryDir, 'revocations.json', { ...revocations, version: revocations.version + 1, expires }, privateJwk);
    resigned.push('revocations.json');
  }
  return { resigned, catalogVersion };
}
