import { platformError } from '../errors/index.js';
import type { PrivateJwk } from '../plugins/registry/index.js';
import { type CatalogUpdate, nextCatalogHeader } from './add-to-catalog.js';
import { readRegistryCatalog } from './read-registry-catalog.js';
import { writeSignedJson } from './write-signed-json.js';

/**
 * Signs the registry's catalog again with version + 1 and a fresh expiry, without publishing
 * anything: catalogs expire (30 days by default), so an idle registry must be re-signed — from
 * a scheduled job, or after rotating the key. Returns the new catalog version.
 */
export async function resignCatalog(registryDir: string, privateJwk: PrivateJwk, update: Partial<CatalogUpdate> = {}): Promise<number> {
  const previous = await readRegistryCatalog(registryDir);
  if (!previous) throw platformError('BAD_USER_INPUT', `${registryDir} has no catalog.json yet; publish a package first.`);
  const catalog = { ...previous, ...nextCatalogHeader(previous, { now: new Date(), expiresInDays: 30, ...update }) };
  await writeSignedJson(registryDir, 'catalog.json', catalog, privateJwk);
  return catalog.version;
}
