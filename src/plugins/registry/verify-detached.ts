import { Buffer } from 'node:buffer';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { isCanonicalBase64url } from '../../encoding/is-canonical-base64url.js';
import { platformError } from '../../errors/index.js';
import { keyId, PublicJwk } from './signing-keys.js';

function invalid(what: string, reason: string, cause?: unknown) {
  return platformError(
    'SIGNATURE_INVALID',
    `The signature of ${what} is not valid (${reason}). Check that REGISTRY_PUBLIC_KEY is the registry's key and that the files were not altered.`,
    { cause },
  );
}

/**
 * Verifies a detached compact JWS over the exact `bytes` (see `signDetached`). Throws
 * SIGNATURE_INVALID when the signature is missing, malformed, made by another key or for other
 * bytes; `what` names the file in the message (e.g. `catalog.json`).
 */
export async function verifyDetached(
  bytes: Uint8Array,
  jws: string | null | undefined,
  publicJwk: PublicJwk,
  what = 'the data',
): Promise<void> {
  const text = (jws ?? '').trim();
  if (!text) throw invalid(what, 'the signature is missing');
  const parts = text.split('.');
  if (parts.length !== 3 || parts[1] !== '' || !parts[0] || !parts[2]) {
    throw invalid(what, 'expected a compact JWS with a detached (empty) payload part');
  }
  // One signature, one spelling: a lenient decoder would accept other last characters too.
  if (!isCanonicalBase64url(parts[0]) || !isCanonicalBase64url(parts[2])) {
    throw invalid(what, 'its parts are not canonical base64url');
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(text);
  } catch (error) {
    throw invalid(what, 'the signature header cannot be decoded', error);
  }
  if (header.alg !== 'EdDSA') throw invalid(what, `unsupported algorithm "${String(header.alg)}"; expected EdDSA`);
  const parsedKey = PublicJwk.safeParse(publicJwk);
  if (!parsedKey.success) throw invalid(what, 'the configured public key is not an Ed25519 JWK');
  const expectedKid = await keyId(parsedKey.data);
  // A different kid is the usual sign of a rotated key: say so rather than "does not match".
  if (header.kid !== undefined && header.kid !== expectedKid) {
    throw invalid(what, `it was made with key ${String(header.kid)} but the trusted key is ${expectedKid}`);
  }
  try {
    const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: parsedKey.data.x }, 'EdDSA');
    const attached = `${parts[0]}.${Buffer.from(bytes).toString('base64url')}.${parts[2]}`;
    await compactVerify(attached, key, { algorithms: ['EdDSA'] });
  } catch (error) {
    throw invalid(what, 'it does not match the content or was made with another key', error);
  }
}
