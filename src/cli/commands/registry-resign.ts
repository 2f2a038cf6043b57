import { type CliCommand, CliUsageError } from '../command.js';

/** `a64 registry resign <dir> --key <private.jwk.json>`: re-signs an idle registry's catalog (expiry, key rotation). */
export const registryResignCommand: CliCommand = {
  name: 'registry resign',
  summary: "Re-sign a registry's catalog with a fresh expiry (idle registries, key rotation)",
  usage: 'a64 registry resign <dir> --key <private.jwk.json> [--expires <days>]',
  options: { key: { type: 'string' }, expires: { type: 'string' } },
  positionals: { min: 1, max: 1, names: ['dir'] },
  async run({ values, positionals }, io) {
    const { key, expires } = values as Record<string, string | undefined>;
    if (!key) throw new CliUsageError('--key <private.jwk.json> is required');
    const expiresInDays = expires === undefined ? 30 : Number(expires);
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1)
      throw new CliUsageError('--expires must be a whole number of days, at least 1');
    const path = await import('node:path');
    const { readPrivateJwk, resignCatalog } = await import('../../packaging/index.js');
    const version = await resignCatalog(path.resolve(io.cwd, positionals[0]!), await readPrivateJwk(path.resolve(io.cwd, key)), {
      expiresInDays,
    });
    io.stdout(`Re-signed catalog.json (version ${version}, expires in ${expiresInDays} days)\n`);
    return 0;
  },
};
