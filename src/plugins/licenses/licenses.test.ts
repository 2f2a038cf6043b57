import { randomBytes } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPlatformError } from '../../errors/index.js';
import { generateSigningKeyPair, type SigningKeyPair } from '../registry/signing-keys.js';
import { issueLicenseKey } from './issue-license-key.js';
import { createLicenseCipher } from './license-cipher.js';
import { verifyLicenseKey } from './verify-license-key.js';

const INSTALLATION = 'inst-1';
const check = (overrides = {}) => ({ module: 'farm_manager', installationId: INSTALLATION, revoked: new Set<string>(), ...overrides });

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => null,
    (caught) => caught,
  );
  return isPlatformError(error) ? error.code : undefined;
}

describe('license keys', () => {
  let vendor: SigningKeyPair;
  let other: SigningKeyPair;
  beforeAll(async () => {
    vendor = await generateSigningKeyPair();
    other = await generateSigningKeyPair();
  });

  it('issues a key that verifies for its module and installation', async () => {
    const { key, jti } = await issueLicenseKey(
      { module: 'farm_manager', licensee: 'Acme Farms', type: 'per_installation', installation: INSTALLATION, expiresInDays: 30 },
      vendor.privateJwk,
    );
    const claims = await verifyLicenseKey(key, vendor.publicJwk, check());
    expect(claims).toMatchObject({ jti, sub: 'Acme Farms', module: 'farm_manager', type: 'per_installation', installation: INSTALLATION });
  });

  it('refuses keys for another module, another installation, by another vendor, or malformed', async () => {
    const { key } = await issueLicenseKey(
      { module: 'farm_manager', licensee: 'Acme', type: 'per_installation', installation: INSTALLATION, expiresInDays: 30 },
      vendor.privateJwk,
    );
    expect(await codeOf(verifyLicenseKey(key, vendor.publicJwk, check({ module: 'inventory' })))).toBe('LICENSE_INVALID');
    expect(await codeOf(verifyLicenseKey(key, vendor.publicJwk, check({ installationId: 'elsewhere' })))).toBe('LICENSE_INVALID');
    expect(await codeOf(verifyLicenseKey(key, other.publicJwk, check()))).toBe('LICENSE_INVALID');
    expect(await codeOf(verifyLicenseKey('not-a-license', vendor.publicJwk, check()))).toBe('LICENSE_INVALID');
    expect(await codeOf(verifyLicenseKey(key, undefined, check()))).toBe('LICENSE_INVALID');
    const [header, payload, signature] = key.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const tampered = [header, Buffer.from(JSON.stringify({ ...claims, module: 'inventory' })).toString('base64url'), signature].join('.');
    expect(await codeOf(verifyLicenseKey(tampered, vendor.publicJwk, check({ module: 'inventory' })))).toBe('LICENSE_INVALID');
  });

  it('never puts the key in an error message', async () => {
    const { key } = await issueLicenseKey(
      { module: 'farm_manager', licensee: 'Acme', type: 'per_installation', expiresInDays: 30 },
      vendor.privateJwk,
    );
    const error = await verifyLicenseKey(key, other.publicJwk, check()).catch((caught) => caught);
    expect(error.message).not.toContain(key.split('.')[2]);
  });

  it('reports expired and revoked keys', async () => {
    const signingKey = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: vendor.privateJwk.x, d: vendor.privateJwk.d }, 'EdDSA');
    const expired = await new SignJWT({ module: 'farm_manager', type: 'subscription' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setJti('old')
      .setSubject('Acme')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(signingKey);
    expect(await codeOf(verifyLicenseKey(expired, vendor.publicJwk, check()))).toBe('LICENSE_EXPIRED');
    const { key, jti } = await issueLicenseKey(
      { module: 'farm_manager', licensee: 'Acme', type: 'per_installation', expiresInDays: 30 },
      vendor.privateJwk,
    );
    expect(await codeOf(verifyLicenseKey(key, vendor.publicJwk, check({ revoked: new Set([jti]) })))).toBe('LICENSE_REVOKED');
  });

  it('requires seats on per_user licenses', async () => {
    const withSeats = await issueLicenseKey(
      { module: 'farm_manager', licensee: 'Acme', type: 'per_user', seats: 5, expiresInDays: 30 },
      vendor.privateJwk,
    );
    expect((await verifyLicenseKey(withSeats.key, vendor.publicJwk, check())).seats).toBe(5);
    const withoutSeats = await issueLicenseKey(
      { module: 'farm_manager', licensee: 'Acme', type: 'per_user', expiresInDays: 30 },
      vendor.privateJwk,
    );
    expect(await codeOf(verifyLicenseKey(withoutSeats.key, vendor.publicJwk, check()))).toBe('LICENSE_INVALID');
  });
});

describe('license cipher', () => {
  it('round-trips, never stores clear text, and detects tampering or another key', () => {
    const cipher = createLicenseCipher(randomBytes(32));
    const sealed = cipher.encrypt('secret-license-key');
    expect(sealed).not.toContain('secret');
    expect(cipher.encrypt('secret-license-key')).not.toBe(sealed);
    expect(cipher.decrypt(sealed)).toBe('secret-license-key');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered!').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
    expect(() => createLicenseCipher(randomBytes(32)).decrypt(sealed)).toThrow();
  });
});
