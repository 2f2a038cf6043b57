import { type CliCommand, CliUsageError } from '../command.js';
import { readPrivateKeyFile } from '../read-private-key-file.js';

const TYPES = ['per_installation', 'per_user', 'subscription'] as const;

/** `a64 license issue`: prints a signed license key on stdout (and only the key). */
export const licenseIssueCommand: CliCommand = {
  name: 'license issue',
  summary: 'Issue a signed license key for a module (vendor side)',
  usage: `a64 license issue --module <m> --licensee <s> --type <${TYPES.join('|')}> [--installation <id>] [--seats <n>] [--expires <days>] --key <private.jwk.json>`,
  options: {
    module: { type: 'string' },
    licensee: { type: 'string' },
    type: { type: 'string' },
    installation: { type: 'string' },
    seats: { type: 'string' },
    expires: { type: 'string' },
    key: { type: 'string' },
  },
  async run({ values }, io) {
    const v = values as Record<string, string | undefined>;
    if (!v.module || !v.licensee || !v.type || !v.key) throw new CliUsageError('--module, --licensee, --type and --key are required');
    const type = v.type.toLowerCase() as (typeof TYPES)[number];
    if (!TYPES.includes(type)) throw new CliUsageError(`--type must be one of ${TYPES.join(', ')}`);
    const expiresInDays = v.expires === undefined ? 365 : Number(v.expires);
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1)
      throw new CliUsageError('--expires must be a whole number of days, at least 1');
    const seats = v.seats === undefined ? undefined : Number(v.seats);
    if (seats !== undefined && (!Number.isInteger(seats) || seats < 1))
      throw new CliUsageError('--seats must be a whole number, at least 1');
    if (type === 'per_user' && seats === undefined) throw new CliUsageError('a per_user license needs --seats');
    const privateJwk = await readPrivateKeyFile(v.key);
    const { issueLicenseKey } = await import('../../plugins/licenses/issue-license-key.js');
    const issued = await issueLicenseKey(
      { module: v.module, licensee: v.licensee, type, installation: v.installation, seats, expiresInDays },
      privateJwk,
    );
    io.stdout(`${issued.key}\n`);
    io.stderr(`license ${issued.jti} for ${v.module} (${type}), licensee ${v.licensee}, expires ${issued.expiresAt.toISOString()}\n`);
    return 0;
  },
};
