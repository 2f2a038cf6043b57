import { type CliCommand, CliUsageError } from '../command.js';
import { readPrivateKeyFile } from '../read-private-key-file.js';

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
    const privateJwk = await readPrivateKeyFile(key);
    const { revokeLicense } = await import('../../packaging/revoke-license.js');
    const list = await revokeLicense(registry, positionals[0]!, privateJwk);
    io.stdout(`Revoked ${positionals[0]} (revocations.json version ${list.version}, ${list.revoked.length} revoked)\n`);
    return 0;
  },
};
