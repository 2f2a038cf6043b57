import { type CliCommand, CliUsageError } from '../command.js';

/** `a64 module pack <dir> --out <dir>`: builds a module into a reproducible `<name>-<version>.tar.gz`. */
export const modulePackCommand: CliCommand = {
  name: 'module pack',
  summary: 'Build and pack a module directory into <name>-<version>.tar.gz',
  usage: 'a64 module pack <dir> --out <dir>',
  options: { out: { type: 'string' } },
  positionals: { min: 1, max: 1, names: ['dir'] },
  async run({ values, positionals }, io) {
    if (typeof values.out !== 'string' || !values.out) throw new CliUsageError('--out <dir> is required');
    const path = await import('node:path');
    const { packModule } = await import('../../packaging/index.js');
    const result = await packModule(path.resolve(io.cwd, positionals[0]!), path.resolve(io.cwd, values.out));
    io.stdout(
      `${result.file}\n  ${result.manifest.module_name}@${result.manifest.version}  ${result.size} bytes  sha256 ${result.sha256}\n`,
    );
    return 0;
  },
};
