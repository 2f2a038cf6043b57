import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface LicenseCipher {
  encrypt(plain: string): string;
  /** Throws when the text was not made with this key or was altered. */
  decrypt(sealed: string): string;
}

/**
 * AES-256-GCM for license keys at rest (`v1.<iv>.<tag>.<ciphertext>`, base64url). The key is the
 * platform-generated `$DATA_DIR/secrets/license.key`; the store never sees a license in clear.
 */
export function createLicenseCipher(key: Buffer): LicenseCipher {
  if (key.length !== 32) throw new Error('The license encryption key must be 32 bytes.');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Not an encrypted license.');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
