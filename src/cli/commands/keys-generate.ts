import { type CliCommand, CliUsageError } from '../command.js';

/** `a64 keys generate --out <dir>`: a new Ed25519 key pair for signing a registry (or licenses). */
export const keysGenerateCommand: CliCommand = {
  name: 'keys generate',
  summary: 'Generate an Ed25519 signing key pair (private.jwk.json, public.jwk.json)',
  usage: 'a64 keys generate --out <dir> [--force]',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  async run({ values }, io) {
    const out = values.out;
    if (typeof out !== 'string' || !out) throw new CliUsageError('--out <dir> is required');
    const { existsSync } = await import('node:fs');
    const { chmod, mkdir, writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const { generateSigningKeyPair } = await import('../../plugins/registry/index.js');
    const dir = path.resolve(io.cwd, out);
    const privateFile = path.join(dir, 'private.jwk.json');
    const publicFile = path.join(dir, 'public.jwk.json');
    // Overwriting a private key silently would orphan every catalog and license it signed.
    if (!values.force && (existsSync(privateFile) || existsSync(publicFile))) {
      throw new CliUsageError(`${dir} already holds a key pair; keep it, choose another --out, or pass --force to replace it`);
    }
    const { privateJwk, publicJwk, kid } = await generateSigningKeyPair();
    await mkdir(dir, { recursive: true });
    await writeFile(privateFile, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600 });
    await chmod(privateFile, 0o600);
    await writeFile(publicFile, `${JSON.stringify(publicJwk, null, 2)}\n`, { mode: 0o644 });
    io.stdout(
      `Key ${kid}\n  private: ${privateFile} (mode 0600; keep it secret and backed up)\n  public:  ${publicFile} (give this to platforms as REGISTRY_PUBLIC_KEY)\n`,
    );
    return 0;
  },
};
