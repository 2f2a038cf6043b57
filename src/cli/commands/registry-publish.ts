import { type CliCommand, CliUsageError } from '../command.js';

/** `a64 registry publish <tarball> --registry <dir> --key <private.jwk.json> [--fail-on-breaking]`. */
export const registryPublishCommand: CliCommand = {
  name: 'registry publish',
  summary: 'Publish a packed module into a registry directory and re-sign its catalog; prints the SDL diff against the previous version',
  usage: 'a64 registry publish <tarball> --registry <dir> --key <private.jwk.json> [--expires <days>] [--fail-on-breaking]',
  options: {
    registry: { type: 'string' },
    key: { type: 'string' },
    expires: { type: 'string' },
    'fail-on-breaking': { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, names: ['tarball'] },
  async run({ values, positionals }, io) {
    const { registry, key, expires } = values as Record<string, string | undefined>;
    if (!registry || !key) throw new CliUsageError('--registry <dir> and --key <private.jwk.json> are required');
    const expiresInDays = expires === undefined ? 30 : Number(expires);
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1)
      throw new CliUsageError('--expires must be a whole number of days, at least 1');
    const path = await import('node:path');
    const { parse } = await import('graphql');
    const { diffPublishedSdl, formatSdlDiff, inspectPackage, publishPackage, readPrivateJwk } = await import('../../packaging/index.js');
    const { readCoreTypeDefs } = await import('../../server/core-type-defs.js');
    const privateJwk = await readPrivateJwk(path.resolve(io.cwd, key));
    const tarball = path.resolve(io.cwd, positionals[0]!);
    const registryDir = path.resolve(io.cwd, registry);
    // The diff comes first, so an author (or CI) sees what users would see before anything is published.
    const manifest = await inspectPackage(tarball);
    const core = parse(readCoreTypeDefs().join('\n'));
    const diff = await diffPublishedSdl(tarball, manifest, registryDir, core);
    io.stdout(formatSdlDiff(manifest.module_name, manifest.version, diff));
    const breaking = diff.changes.filter((change) => change.level === 'BREAKING').length;
    if (breaking > 0 && values['fail-on-breaking']) {
      io.stderr(
        `Not published: ${breaking} breaking change(s) (--fail-on-breaking). Deprecate with @deprecated first, or publish a new major version without --fail-on-breaking.\n`,
      );
      return 1;
    }
    const result = await publishPackage(tarball, registryDir, privateJwk, { expiresInDays });
    io.stdout(
      `Published ${result.name}@${result.version} (${result.size} bytes, sha256 ${result.sha256})\n  ${result.path}\n  latest ${result.latest}, catalog version ${result.catalogVersion}\n`,
    );
    return 0;
  },
};
