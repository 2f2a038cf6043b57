import { readFile } from 'node:fs/promises';
import { ConfigError } from '../config/index.js';

/** The trimmed content of a secret file named by `variable`; a clear ConfigError when unusable. */
export async function readSecretFile(file: string, variable: string): Promise<string> {
  const secret = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => {
      throw new ConfigError(`Invalid environment:\n  ${variable}: cannot read the secret file ${file} (${error.code ?? error.message})`);
    },
  );
  if (secret.length < 16)
    throw new ConfigError(`Invalid environment:\n  ${variable}: the secret in ${file} must be at least 16 characters`);
  return secret;
}
