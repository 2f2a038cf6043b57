import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import { keyId, type PrivateJwk } from '../registry/signing-keys.js';
import type { LicenseClaims } from './license-claims.js';

export interface LicenseRequest {
  module: string;
  licensee: string;
  type: LicenseClaims['type'];
  installation?: string;
  seats?: number;
  /** Days from now until it expires (≥ 1). */
  expiresInDays: number;
}

/**
 * Issues a license key: a compact JWT signed EdDSA by the vendor's private key, `kid` its thumbprint.
 *
 * @example const key = await issueLicenseKey({ module: 'farm_manager', licensee: 'Acme', type: 'per_installation', expiresInDays: 365 }, vendorPrivateJwk)
 */
export async function issueLicenseKey(
  request: LicenseRequest,
  privateJwk: PrivateJwk,
): Promise<{ key: string; jti: string; expiresAt: Date }> {
  const jti = randomUUID();
  const expiresAt = new Date(Date.now() + request.expiresInDays * 86_400_000);
  const claims: Omit<LicenseClaims, 'jti' | 'sub' | 'exp'> = {
    module: request.module,
    type: request.type,
    ...(request.installation ? { installation: request.installation } : {}),
    ...(request.seats ? { seats: request.seats } : {}),
  };
  const signingKey = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: privateJwk.x, d: privateJwk.d }, 'EdDSA');
  const key = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: await keyId(privateJwk), typ: 'JWT' })
    .setJti(jti)
    .setSubject(request.licensee)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(signingKey);
  return { key, jti, expiresAt };
}
