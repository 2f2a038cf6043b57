import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { isCanonicalBase64url } from './is-canonical-base64url.js';

describe('isCanonicalBase64url', () => {
  it('accepts the one spelling of some bytes and refuses aliases, padding and other characters', () => {
    const canonical = Buffer.from([0xff, 0xee]).toString('base64url'); // "_-4": the last character carries 2 unused bits
    expect(isCanonicalBase64url(canonical)).toBe(true);
    const alias = `${canonical.slice(0, -1)}5`; // decodes to the same two bytes
    expect(Buffer.from(alias, 'base64url')).toEqual(Buffer.from(canonical, 'base64url'));
    expect(isCanonicalBase64url(alias)).toBe(false);
    expect(isCanonicalBase64url(`${canonical}=`)).toBe(false);
    expect(isCanonicalBase64url('ab+c')).toBe(false);
  });
});
