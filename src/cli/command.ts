import type { ParseArgsConfig } from 'node:util';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface CliArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/**
 * One `a64` sub-command. `name` is its words (`'module pack'`); options are node:util parseArgs
 * options (strict: unknown flags are refused with a clear message before `run`).
 */
export interface CliCommand {
  name: string;
  summary: string;
  /** Usage line(s) shown by `--help`, e.g. `a64 module pack <dir> --out <dir>`. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Positional arguments expected (min, max). */
  positionals?: { min: number; max: number; names: string[] };
  /** Returns the exit code. Throws CliUsageError for bad arguments. */
  run(args: CliArgs, io: CliIo): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}
