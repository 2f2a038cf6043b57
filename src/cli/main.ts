#!/usr/bin/env node
import { commands } from './commands/index.js';
import { runCli } from './run-cli.js';

const exitCode = await runCli(commands, process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
// `serve` keeps running and returns -1; every other command ends here.
if (exitCode >= 0) process.exitCode = exitCode;
