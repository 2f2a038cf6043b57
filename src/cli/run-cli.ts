import { parseArgs } from 'node:util';
import { type CliCommand, type CliIo, CliUsageError } from './command.js';

function overview(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  a64 ${command.name.padEnd(width)}  ${command.summary}`);
  return `A64 Platform command line\n\nUsage: a64 <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "a64 <command> --help" for a command's options.\n`;
}

function commandHelp(command: CliCommand): string {
  const options = Object.entries(command.options).map(([name, option]) => {
    const value = option.type === 'string' ? ` <${name}>` : '';
    const short = option.short ? `-${option.short}, ` : '    ';
    return `  ${short}--${name}${value}`;
  });
  return `${command.summary}\n\nUsage: ${command.usage}\n${options.length ? `\nOptions:\n${options.join('\n')}\n` : ''}`;
}

/** Finds the command whose words begin argv, longest first (`module pack` before `module`). */
function findCommand(commands: CliCommand[], argv: string[]): { command: CliCommand; rest: string[] } | null {
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of sorted) {
    const words = command.name.split(' ');
    if (words.every((word, index) => argv[index] === word)) return { command, rest: argv.slice(words.length) };
  }
  return null;
}

/** Runs `a64 …`; returns the exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(commands: CliCommand[], argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(overview(commands));
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(commands, argv);
  if (!found) {
    io.stderr(`a64: unknown command "${argv.join(' ')}".\n\n${overview(commands)}`);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return 0;
  }
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    const expected = command.positionals ?? { min: 0, max: 0, names: [] };
    if (parsed.positionals.length < expected.min || parsed.positionals.length > expected.max) {
      const names = expected.names.map((name) => `<${name}>`).join(' ');
      throw new CliUsageError(expected.max === 0 ? 'this command takes no positional arguments' : `expected ${names}`);
    }
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, io);
  } catch (error) {
    const usage = error instanceof CliUsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`a64 ${command.name}: ${(error as Error).message}\n${usage ? `\nUsage: ${command.usage}\n` : ''}`);
    return usage ? 2 : 1;
  }
}
