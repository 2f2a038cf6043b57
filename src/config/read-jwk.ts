import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const Ed25519PublicJwk = z.looseObject({
  kty: z.literal('OKP', { message: 'expected an OKP (Ed25519) JWK' }),
  crv: z.literal('Ed25519', { message: 'expected curve Ed25519' }),
  x: z.string().min(1),
});
export type Ed25519PublicJwk = z.infer<typeof Ed25519PublicJwk>;

/** Reads an Ed25519 public JWK given inline (JSON text) or as a file path. Throws a message for people. */
export function readJwk(source: string): Ed25519PublicJwk {
  const trimmed = source.trim();
  let text = trimmed;
  if (!trimmed.startsWith('{')) {
    try {
      text = readFileSync(trimmed, 'utf8');
    } catch {
      throw new Error(`cannot read JWK file "${trimmed}" (give a file path or inline JSON)`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not valid JSON (expected an Ed25519 JWK)');
  }
  const parsed = Ed25519PublicJwk.safeParse(json);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'not an Ed25519 JWK');
  // A public key only: never accept the private part here by accident.
  const { d: _private, ...publicOnly } = parsed.data as Ed25519PublicJwk & { d?: unknown };
  return publicOnly as Ed25519PublicJwk;
}
