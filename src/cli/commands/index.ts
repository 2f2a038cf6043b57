import type { CliCommand } from '../command.js';
import { licenseIssueCommand } from './license-issue.js';
import { serveCommand } from './serve.js';
import { usersCreateCommand } from './users-create.js';

/** Every `a64` command, in the order `a64 --help` lists them. */
export const commands: CliCommand[] = [serveCommand, usersCreateCommand, licenseIssueCommand];
