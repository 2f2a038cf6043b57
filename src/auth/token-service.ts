import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { isCanonicalBase64url } from '../encoding/is-canonical-base64url.js';
import { platformError } from '../errors/index.js';

const ISSUER = 'a64-platform';
const STRICT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export interface TokenClaims {
  userId: string;
  /** The user's token generation when the token was issued (a password change raises it). */
  generation: number;
}

export interface TokenService {
  issue(userId: string, generation?: number): Promise<{ token: string; expiresAt: Date }>;
  /** Throws UNAUTHENTICATED for an expired, malformed, tampered or foreign token. */
  verify(token: string): Promise<TokenClaims>;
}

/** HS256 session tokens signed with the platform's own secret (`$DATA_DIR/secrets/token.key`). */
export function createTokenService(secret: Uint8Array, ttlSeconds: number, audience: string): TokenService {
  // Verifying an HS256 token through WebCrypto was ~10% of a small authenticated request; a
  // token's signature and claims cannot change, so a verified token is trusted until its `exp`.
  // Entries live until the token's `exp`, a wall-clock time: lru-cache's ttl is told to use Date.now().
  const verified = new LRUCache<string, TokenClaims>({ max: 10_000, perf: { now: () => Date.now() }, ttlResolution: 0 });
  return {
    async issue(userId, generation = 0) {
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      const token = await new SignJWT({ gen: generation })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(secret);
      return { token, expiresAt };
    },
    async verify(token) {
      // Only tokens that passed the full check are remembered, and only until they expire.
      const known = verified.get(token);
      if (known) return known;
      try {
        // Strict shape first: base64url parts only, so padding or other bytes a lenient decoder
        // would skip (`token=`) make the token invalid rather than an alias of a valid one.
        if (!STRICT_JWT.test(token) || !token.split('.').every(isCanonicalBase64url)) throw new Error('not a canonical compact JWT');
        const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience, algorithms: ['HS256'] });
        if (!payload.sub) throw new Error('no subject');
        const generation = typeof payload.gen === 'number' ? payload.gen : 0;
        if (payload.exp !== undefined) verified.set(token, { userId: payload.sub, generation }, { ttl: payload.exp * 1000 - Date.now() });
        return { userId: payload.sub, generation };
      } catch (error) {
        const expired = error instanceof joseErrors.JWTExpired;
        throw platformError(
          'UNAUTHENTICATED',
          expired
            ? 'Your session token has expired: sign in again with login.'
            : 'The session token is not valid: sign in again with login.',
        );
      }
    },
  };
}
