import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { platformError } from '../errors/index.js';

const ISSUER = 'a64-platform';

export interface TokenClaims {
  userId: string;
}

export interface TokenService {
  issue(userId: string): Promise<{ token: string; expiresAt: Date }>;
  /** Throws UNAUTHENTICATED for an expired, malformed, tampered or foreign token. */
  verify(token: string): Promise<TokenClaims>;
}

/** HS256 session tokens signed with the platform's own secret (`$DATA_DIR/secrets/token.key`). */
export function createTokenService(secret: Uint8Array, ttlSeconds: number, audience: string): TokenService {
  return {
    async issue(userId) {
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      const token = await new SignJWT({})
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
      try {
        const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience, algorithms: ['HS256'] });
        if (!payload.sub) throw new Error('no subject');
        return { userId: payload.sub };
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
