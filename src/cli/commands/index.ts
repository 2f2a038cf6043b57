import type { CliCommand } from '../command.js';
import { auditVerifyCommand } from './audit-verify.js';
import { keysGenerateCommand } from './keys-generate.js';
import { licenseIssueCommand } from './license-issue.js';
import { licenseRevokeCommand } from './license-revoke.js';
import { moduleInitCommand } from './module-init.js';
import { modulePackCommand } from './module-pack.js';
import { registryPublishCommand } from './registry-publish.js';
import { registryResignCommand } from './registry-resign.js';
import { registryServeCommand } from './registry-serve.js';
import { serveCommand } from './serve.js';
import { usersCreateCommand } from './users-create.js';
import { usersGrantCommand } from './users-grant.js';
import { usersSetPasswordCommand } from './users-set-password.js';

/** Every `a64` command, in the order `a64 --help` lists them. */
export const commands: CliCommand[] = [
  serveCommand,
  usersCreateCommand,
  usersSetPasswordCommand,
  usersGrantCommand,
  licenseIssueCommand,
  licenseRevokeCommand,
  auditVerifyCommand,
  keysGenerateCommand,
  moduleInitCommand,
  modulePackCommand,
  registryPublishCommand,
  registryServeCommand,
  registryResignCommand,
];
