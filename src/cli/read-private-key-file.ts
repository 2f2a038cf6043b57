import { isPlatformError } from '../errors/index.js';
import { CliUsageError } from './command.js';

/**
 * The one private-JWK reader (packaging's readPrivateJwk) for the signing commands, its refusals
 * reported as usage errors (exit 2: the key file given is what is wrong).
 */
export async function readPrivateKeyFile(file: string) {
  // Loaded here, not at the top, so other commands start fast.
  const { readPrivateJwk } = await import('../packaging/read-private-jwk.js');
  try {
    return await readPrivateJwk(file);
  } catch (error) {
    if (isPlatformError(error)) throw new CliUsageError(error.message);
    throw error;
  }
}
