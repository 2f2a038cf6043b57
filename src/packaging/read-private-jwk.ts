import { readFile } from 'node:fs/promises';
import { platformError } from '../errors/index.js';
import { PrivateJwk } from '../plugins/registry/index.js';

/**
 * Reads an Ed25519 private JWK file (as written by `a64 keys generate`). Messages never include
 * key material.
 */
export async function readPrivateJwk(file: string): Promise<PrivateJwk> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw platformError(
      'BAD_USER_INPUT',
      `cannot read the key file ${file} (${(error as NodeJS.ErrnoException).code}); make one with "a64 keys generate --out <dir>".`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw platformError('BAD_USER_INPUT', `${file} is not JSON; expected private.jwk.json from "a64 keys generate".`);
  }
  const parsed = PrivateJwk.safeParse(json);
  if (!parsed.success) {
    throw platformError(
      'BAD_USER_INPUT',
      `${file} is not an Ed25519 private JWK: ${parsed.error.issues[0]?.message}. Use private.jwk.json from "a64 keys generate".`,
    );
  }
  return parsed.data;
}
