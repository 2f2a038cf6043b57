import { readFile } from 'node:fs/promises';
import { CliUsageError } from './command.js';

/** Reads an Ed25519 private JWK file for signing commands, with messages that say what is wrong. */
export async function readPrivateKeyFile(file: string) {
  const { PrivateJwk } = await import('../plugins/registry/signing-keys.js');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliUsageError(`cannot read the key file ${file} (make one with "a64 keys generate --out <dir>")`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliUsageError(`${file} is not JSON; expected private.jwk.json from "a64 keys generate"`);
  }
  const parsed = PrivateJwk.safeParse(json);
  if (!parsed.success) throw new CliUsageError(`${file} is not an Ed25519 private JWK: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
