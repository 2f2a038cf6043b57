import { decodeProtectedHeader, importJWK, errors as joseErrors, jwtVerify } from 'jose';
import type { Ed25519PublicJwk } from '../../config/index.js';
import { isCanonicalBase64url } from '../../encoding/is-canonical-base64url.js';
import { platformError } from '../../errors/index.js';
import { LicenseClaims } from './license-claims.js';

export interface LicenseCheck {
  /** The module the key must be for. */
  module: string;
  installationId: string;
  /** `jti`s on the signed revocation list. */
  revoked: ReadonlySet<string>;
  now?: Date;
}

// Messages never include the key: it is a secret, like a password.
function invalid(reason: string) {
  return platformError('LICENSE_INVALID', `The license key is not valid: ${reason}.`);
}

/**
 * Verifies a license key against the vendor's public key and the module, installation and
 * revocation list. Throws LICENSE_INVALID, LICENSE_EXPIRED or LICENSE_REVOKED.
 *
 * @example const claims = await verifyLicenseKey(key, vendorJwk, { module: 'farm_manager', installationId, revoked })
 */
export async function verifyLicenseKey(key: string, vendorKey: Ed25519PublicJwk | undefined, check: LicenseCheck): Promise<LicenseClaims> {
  if (!vendorKey) throw invalid('this platform has no LICENSE_PUBLIC_KEY configured to check it with');
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(key.trim())) throw invalid('it is not a signed license (expected three base64url parts)');
  // One key, one spelling: base64url lets the last character of a part carry unused bits, so
  // several strings decode to the same bytes. Only the canonical one is accepted.
  if (!key.trim().split('.').every(isCanonicalBase64url)) throw invalid('it is not a signed license (non-canonical base64url)');
  let payload: unknown;
  try {
    if (decodeProtectedHeader(key).alg !== 'EdDSA') throw invalid('it is not signed with EdDSA');
    const verified = await jwtVerify(key.trim(), await importJWK(vendorKey, 'EdDSA'), {
      algorithms: ['EdDSA'],
      currentDate: check.now,
      clockTolerance: 0,
    });
    payload = verified.payload;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      throw platformError(
        'LICENSE_EXPIRED',
        `The license for ${check.module} has expired: ask the vendor for a renewal, then use setModuleLicense.`,
      );
    }
    if ((error as { code?: string }).code === 'LICENSE_INVALID') throw error;
    throw invalid('its signature does not match the vendor key (LICENSE_PUBLIC_KEY)');
  }
  const parsed = LicenseClaims.safeParse(payload);
  if (!parsed.success) throw invalid(`claim ${parsed.error.issues[0]?.path.join('.')} is missing or malformed`);
  const claims = parsed.data;
  if (claims.module !== check.module) throw invalid(`it is for module ${claims.module}, not ${check.module}`);
  if (claims.installation && claims.installation !== check.installationId) {
    throw invalid(`it is bound to another installation (this one is ${check.installationId})`);
  }
  if (claims.type === 'per_user' && !claims.seats) throw invalid('a per_user license must state its seats');
  if (check.revoked.has(claims.jti)) {
    throw platformError('LICENSE_REVOKED', `The license ${claims.jti} for ${check.module} has been revoked by the vendor.`);
  }
  return claims;
}
