import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPlatformError } from '../../errors/index.js';
import { generateSigningKeyPair, type SigningKeyPair } from '../registry/signing-keys.js';
import { issueLicenseKey } from './issue-license-key.js';
import { verifyLicenseKey } from './verify-license-key.js';

const CHECK = { module: 'farm_manager', installationId: 'inst-1', revoked: new Set<string>() };
const LICENSE_CODES = ['LICENSE_INVALID', 'LICENSE_EXPIRED', 'LICENSE_REVOKED'];

async function codeOf(key: string, vendor: SigningKeyPair): Promise<string> {
  try {
    await verifyLicenseKey(key, vendor.publicJwk, CHECK);
    return 'ok';
  } catch (error) {
    return isPlatformError(error) ? error.code : `uncoded: ${String(error)}`;
  }
}

describe('license keys (fuzzed)', () => {
  let vendor: SigningKeyPair;
  let valid: string;
  beforeAll(async () => {
    vendor = await generateSigningKeyPair();
    valid = (
      await issueLicenseKey(
        { module: 'farm_manager', licensee: 'Acme', type: 'per_installation', installation: 'inst-1', expiresInDays: 30 },
        vendor.privateJwk,
      )
    ).key;
  });

  it('refuses any string that is not the issued key with a license code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.stringMatching(/^[\w-]{1,60}\.[\w-]{1,200}\.[\w-]{1,90}$/)), async (key) => {
        expect(LICENSE_CODES).toContain(await codeOf(key, vendor));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses the issued key with any one character changed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 10_000 }), fc.constantFrom('A', 'z', '0', '-', '_', '.', '='), async (position, character) => {
        const at = position % valid.length;
        const changed = valid.slice(0, at) + character + valid.slice(at + 1);
        fc.pre(changed !== valid);
        expect(LICENSE_CODES).toContain(await codeOf(changed, vendor));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses keys with forged claims of any shape', async () => {
    const [header, , signature] = valid.split('.');
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (claims) => {
        const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
        expect(LICENSE_CODES).toContain(await codeOf(`${header}.${payload}.${signature}`, vendor));
      }),
      { numRuns: 200 },
    );
  });
});
