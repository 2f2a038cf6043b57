import { type CliCommand, CliUsageError } from '../command.js';

/** `a64 registry publish <tarball> --registry <dir> --key <private.jwk.json>`. */
export const registryPublishCommand: CliCommand = {
  name: 'registry publish',
  summary: 'Publish a packed module into a registry directory and re-sign its catalog',
  usage: 'a64 registry publish <tarball> --registry <dir> --key <private.jwk.json> [--expires <days>]',
  options: { registry: { type: 'string' }, key: { type: 'string' }, expires: { type: 'string' } },
  positionals: { min: 1, max: 1, names: ['tarball'] },
  async run({ values, positionals }, io) {
    const { registry, key, expires } = values as Record<string, string | undefined>;
    if (!registry || !key) throw new CliUsageError('--registry <dir> and --key <private.jwk.json> are required');
    const expiresInDays = expires === undefined ? 30 : Number(expires);
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1)
      throw new CliUsageError('--expires must be a whole number of days, at least 1');
    const path = await import('node:path');
    const { publishPackage, readPrivateJwk } = await import('../../packaging/index.js');
    const privateJwk = await readPrivateJwk(path.resolve(io.cwd, key));
    const result = await publishPackage(path.resolve(io.cwd, positionals[0]!), path.resolve(io.cwd, registry), privateJwk, {
      expiresInDays,
    });
    io.stdout(
      `Published ${result.name}@${result.version} (${result.size} bytes, sha256 ${result.sha256})\n  ${result.path}\n  latest ${result.latest}, catalog version ${result.catalogVersion}\n`,
    );
    return 0;
  },
};
