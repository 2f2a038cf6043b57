import { describe, expect, it } from 'vitest';
import { isPlatformError } from '../../errors/index.js';
import { signDetached } from './sign-detached.js';
import { generateSigningKeyPair, keyId } from './signing-keys.js';
import { verifyDetached } from './verify-detached.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isPlatformError(error) ? error.code : `not a platform error: ${String(error)}`;
  }
  return 'no error';
}

describe('detached JWS signatures', () => {
  const bytes = Buffer.from('{"version":1,"modules":[]}\n');

  it('round-trips and has the documented shape (docs/registry.md): EdDSA header with the RFC 7638 kid, empty payload part', async () => {
    const { privateJwk, publicJwk, kid } = await generateSigningKeyPair();
    expect(kid).toBe(await keyId(publicJwk));
    const jws = await signDetached(bytes, privateJwk);
    const [header, payload, signature] = jws.split('.');
    expect(payload).toBe('');
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'EdDSA', kid });
    await expect(verifyDetached(bytes, jws, publicJwk)).resolves.toBeUndefined();
  });

  it('refuses tampered bytes, another key, a missing or malformed signature with SIGNATURE_INVALID', async () => {
    const pair = await generateSigningKeyPair();
    const other = await generateSigningKeyPair();
    const jws = await signDetached(bytes, pair.privateJwk);
    const tampered = Buffer.from(bytes);
    tampered[2] = 'V'.charCodeAt(0);
    expect(await codeOf(verifyDetached(tampered, jws, pair.publicJwk))).toBe('SIGNATURE_INVALID');
    expect(await codeOf(verifyDetached(bytes, jws, other.publicJwk))).toBe('SIGNATURE_INVALID');
    expect(await codeOf(verifyDetached(bytes, await signDetached(bytes, other.privateJwk), pair.publicJwk))).toBe('SIGNATURE_INVALID');
    expect(await codeOf(verifyDetached(bytes, null, pair.publicJwk))).toBe('SIGNATURE_INVALID');
    expect(await codeOf(verifyDetached(bytes, 'garbage', pair.publicJwk))).toBe('SIGNATURE_INVALID');
    // An attached payload is not the detached format, even if the signature is right.
    const [h, , s] = jws.split('.');
    expect(await codeOf(verifyDetached(bytes, `${h}.${bytes.toString('base64url')}.${s}`, pair.publicJwk))).toBe('SIGNATURE_INVALID');
  });

  it('names both key ids when the signature comes from a different (e.g. rotated) key', async () => {
    const pair = await generateSigningKeyPair();
    const other = await generateSigningKeyPair();
    const error = await verifyDetached(bytes, await signDetached(bytes, other.privateJwk), pair.publicJwk, 'catalog.json').catch(
      (e: Error) => e,
    );
    expect((error as Error).message).toContain(other.kid);
    expect((error as Error).message).toContain(pair.kid);
    expect((error as Error).message).toContain('catalog.json');
  });
});
