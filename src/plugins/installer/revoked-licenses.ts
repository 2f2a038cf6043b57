import { fetchSignedDocument } from '../registry/fetch-signed-document.js';
import { Revocations } from '../registry/index.js';
import type { InstallerDeps } from './installer-deps.js';

/**
 * License ids revoked by the vendor: the registry's signed `revocations.json` plus, when
 * LICENSE_SERVER_URL is set, the license server's own `revocations.json` signed with the vendor
 * key (LICENSE_PUBLIC_KEY). Either being unreachable is REGISTRY_UNAVAILABLE. `fresh: false` may
 * answer from the last good registry copy (periodic checks).
 */
export async function revokedLicenses(deps: Pick<InstallerDeps, 'registry' | 'config'>, fresh = true): Promise<Set<string>> {
  const revoked = new Set<string>();
  const registry = deps.registry.current();
  if (registry) for (const jti of (await registry.getRevocations({ fresh })).revoked) revoked.add(jti);
  const { licenseServerUrl, licensePublicKey } = deps.config;
  if (licenseServerUrl && licensePublicKey) {
    const document = await fetchSignedDocument(licenseServerUrl, 'revocations.json', Revocations, licensePublicKey, {
      timeoutMs: 10_000,
      maxBytes: 5 * 1024 * 1024,
    });
    for (const jti of document.value.revoked) revoked.add(jti);
  }
  return revoked;
}
