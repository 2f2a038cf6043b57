import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { platformError } from '../../errors/index.js';
import type { PrivateJwk } from '../../plugins/registry/signing-keys.js';
import { type CliCommand, CliUsageError } from '../command.js';
import { readPrivateKeyFile } from '../read-private-key-file.js';

/**
 * Platforms trust one registry key: a revocation list signed with any other key would be refused
 * by every platform (SIGNATURE_INVALID) and block all licensed installs, so refuse to write one.
 */
async function assertSignsRegistry(registryDir: string, privateJwk: PrivateJwk): Promise<void> {
  const { keyId } = await import('../../plugins/registry/signing-keys.js');
  let signature: string;
  try {
    signature = await readFile(path.join(registryDir, 'catalog.json.sig'), 'utf8');
  } catch {
    return; // No catalog yet: revokeLicense says the directory is not a registry.
  }
  let signedBy: unknown;
  try {
    signedBy = JSON.parse(Buffer.from(signature.split('.')[0] ?? '', 'base64url').toString('utf8')).kid;
  } catch {
    return; // An unreadable signature is the registry's problem, not this key's.
  }
  const given = await keyId(privateJwk);
  if (typeof signedBy === 'string' && signedBy !== given) {
    throw platformError(
      'BAD_USER_INPUT',
      `The key ${given} does not sign the registry ${registryDir} (its catalog is signed by ${signedBy}); pass the registry's private key with --key.`,
    );
  }
}

/** `a64 license revoke <jti>`: adds the license id to the registry's signed revocation list. */
export const licenseRevokeCommand: CliCommand = {
  name: 'license revoke',
  summary: "Revoke a license id in a registry's signed revocations.json",
  usage: 'a64 license revoke <jti> --registry <dir> --key <private.jwk.json>',
  options: { registry: { type: 'string' }, key: { type: 'string' } },
  positionals: { min: 1, max: 1, names: ['jti'] },
  async run({ values, positionals }, io) {
    const { registry, key } = values as Record<string, string | undefined>;
    if (!registry || !key) throw new CliUsageError('--registry and --key are required');
    const jti = positionals[0]!.trim();
    if (!jti) throw new CliUsageError('the license id (jti) is empty');
    const registryDir = path.resolve(io.cwd, registry);
    const privateJwk = await readPrivateKeyFile(path.resolve(io.cwd, key));
    await assertSignsRegistry(registryDir, privateJwk);
    const { revokeLicense } = await import('../../packaging/revoke-license.js');
    const list = await revokeLicense(registryDir, jti, privateJwk);
    io.stdout(`Revoked ${jti} (revocations.json version ${list.version}, ${list.revoked.length} revoked, expires ${list.expires})\n`);
    return 0;
  },
};
