import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';
import { Ed25519PublicJwk } from '../../config/read-jwk.js';

/** An Ed25519 public key as a JWK (`kid` optional; it is always recomputed from `x`). */
/** The Ed25519 public JWK of config (one schema for env keys and signing keys), with its optional key id. */
export const PublicJwk = Ed25519PublicJwk.extend({ kid: z.string().optional() });
export type PublicJwk = z.infer<typeof PublicJwk>;

/** An Ed25519 private key as a JWK: the public fields plus `d`. */
export const PrivateJwk = PublicJwk.extend({ d: z.string().min(1, 'the private part "d" is missing') });
export type PrivateJwk = z.infer<typeof PrivateJwk>;

export interface SigningKeyPair {
  privateJwk: PrivateJwk;
  publicJwk: PublicJwk;
  /** RFC 7638 thumbprint of the public key, also set as `kid` on both JWKs. */
  kid: string;
}

/**
 * The key id of a public key: its RFC 7638 JWK thumbprint (SHA-256, base64url). Only `crv`,
 * `kty` and `x` take part, so the private JWK of the same pair has the same id.
 */
export async function keyId(jwk: Pick<PublicJwk, 'kty' | 'crv' | 'x'>): Promise<string> {
  return calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x } as JWK, 'sha256');
}

/**
 * Generates a fresh Ed25519 key pair for signing registry catalogs (or licenses).
 *
 * @example const { privateJwk, publicJwk, kid } = await generateSigningKeyPair();
 */
export async function generateSigningKeyPair(): Promise<SigningKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const publicJwk = PublicJwk.parse(await exportJWK(publicKey));
  const kid = await keyId(publicJwk);
  const privateJwk = PrivateJwk.parse(await exportJWK(privateKey));
  return { privateJwk: { ...privateJwk, kid }, publicJwk: { ...publicJwk, kid }, kid };
}

/** The public half of a private JWK (drops `d`), for handing out to verifiers. */
export function publicPart(jwk: PrivateJwk | PublicJwk): PublicJwk {
  const { d: _secret, ...rest } = jwk as PrivateJwk;
  return rest;
}
