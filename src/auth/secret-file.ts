import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads a platform-generated secret from `$DATA_DIR/secrets/<name>`, creating it (random bytes,
 * mode 0600, directory 0700) on first use. `wx` makes two processes racing on first start agree.
 */
export async function loadOrCreateSecret(dataDir: string, name: string, bytes = 32): Promise<Buffer> {
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, name);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, randomBytes(bytes).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  await chmod(file, 0o600);
  const secret = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  if (secret.length < bytes) throw new Error(`Secret file ${file} is damaged (too short); remove it to generate a new one.`);
  return secret;
}
