import { Buffer } from 'node:buffer';

/**
 * True when `part` is the one canonical base64url spelling of its bytes. base64url lets the last
 * character of a part carry unused bits, so several strings decode to the same bytes; a signed
 * value (JWS, JWT, license key) must have exactly one accepted spelling.
 */
export function isCanonicalBase64url(part: string): boolean {
  return /^[A-Za-z0-9_-]*$/.test(part) && Buffer.from(part, 'base64url').toString('base64url') === part;
}
