import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { platformError } from '../errors/index.js';
import { Revocations } from '../plugins/registry/catalog-schema.js';
import type { PrivateJwk } from '../plugins/registry/signing-keys.js';
import { writeSignedJson } from './write-signed-json.js';

/**
 * Adds a license id to the registry's `revocations.json` (version + 1, expires in 30 days) and
 * signs it again. Revoking an id twice keeps one entry but still re-signs (fresh expiry).
 */
export async function revokeLicense(registryDir: string, jti: string, privateJwk: PrivateJwk, now = new Date()): Promise<Revocations> {
  const file = path.join(registryDir, 'revocations.json');
  let previous: Revocations = { version: 0, expires: now.toISOString(), revoked: [] };
  try {
    previous = Revocations.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw platformError('BAD_USER_INPUT', `${file} is not a valid revocation list; fix or remove it first.`);
    }
    try {
      await readFile(path.join(registryDir, 'catalog.json'));
    } catch {
      throw platformError('BAD_USER_INPUT', `${registryDir} is not a registry (no catalog.json); publish a module into it first.`);
    }
  }
  const next: Revocations = {
    version: previous.version + 1,
    expires: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    revoked: [...new Set([...previous.revoked, jti])].sort(),
  };
  await writeSignedJson(registryDir, 'revocations.json', next, privateJwk);
  return next;
}
