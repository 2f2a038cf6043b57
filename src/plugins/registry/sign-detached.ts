import { CompactSign, importJWK } from 'jose';
import { platformError } from '../../errors/index.js';
import { keyId, PrivateJwk } from './signing-keys.js';

/**
 * Signs bytes as a compact JWS with a detached payload (docs/registry.md, "Keys"): protected header
 * `{"alg":"EdDSA","kid":<thumbprint>}`, standard base64url payload encoding, and the middle part
 * left empty — the verifier re-attaches base64url(exact bytes).
 *
 * @example await writeFile('catalog.json.sig', await signDetached(catalogBytes, privateJwk));
 */
export async function signDetached(bytes: Uint8Array, privateJwk: PrivateJwk): Promise<string> {
  const parsed = PrivateJwk.safeParse(privateJwk);
  if (!parsed.success) {
    throw platformError('BAD_USER_INPUT', `The signing key is not an Ed25519 private JWK: ${parsed.error.issues[0]?.message}.`);
  }
  const kid = await keyId(parsed.data);
  const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: parsed.data.x, d: parsed.data.d }, 'EdDSA');
  const jws = await new CompactSign(bytes).setProtectedHeader({ alg: 'EdDSA', kid }).sign(key);
  const [header, , signature] = jws.split('.');
  return `${header}..${signature}`;
}
