import type { z } from 'zod';
import { platformError } from '../../errors/index.js';
import { type FetchLimits, fetchBounded } from './fetch-bounded.js';
import type { PublicJwk } from './signing-keys.js';
import { verifyDetached } from './verify-detached.js';

export interface SignedDocument<T> {
  value: T;
  /** The exact bytes that were verified, as text (kept as the last good copy). */
  text: string;
}

/**
 * Parses already-verified document bytes: malformed JSON or a shape that does not match the
 * schema is REGISTRY_UNAVAILABLE (the registry is broken, not hostile: the signature held).
 */
export function parseSignedDocument<T>(text: string, schema: z.ZodType<T>, url: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw platformError('REGISTRY_UNAVAILABLE', `${url} is not valid JSON (${(error as Error).message}); the registry is misconfigured.`, {
      cause: error,
    });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw platformError('REGISTRY_UNAVAILABLE', `${url} does not have the expected format: ${where} ${issue?.message ?? 'is invalid'}.`);
  }
  return result.data;
}

/**
 * Fetches `<base>/<file>` and `<base>/<file>.sig`, verifies the detached signature over the exact
 * bytes, then parses. Order matters: nothing unsigned is parsed or trusted.
 */
export async function fetchSignedDocument<T>(
  base: string,
  file: string,
  schema: z.ZodType<T>,
  publicKey: PublicJwk,
  limits: FetchLimits,
): Promise<SignedDocument<T>> {
  const url = `${base}/${file}`;
  const [bytes, signature] = await Promise.all([
    fetchBounded(url, limits),
    fetchBounded(`${url}.sig`, { ...limits, maxBytes: Math.min(limits.maxBytes, 64 * 1024) }),
  ]);
  if (bytes === null) {
    throw platformError('REGISTRY_UNAVAILABLE', `The module registry has no ${file} at ${url}. Check REGISTRY_URL.`);
  }
  await verifyDetached(bytes, signature?.toString('utf8') ?? null, publicKey, file);
  const text = bytes.toString('utf8');
  return { value: parseSignedDocument(text, schema, url), text };
}
