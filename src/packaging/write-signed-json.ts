import path from 'node:path';
import { type PrivateJwk, signDetached } from '../plugins/registry/index.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Writes `<dir>/<file>` as pretty JSON and `<file>.sig` over its exact bytes. */
export async function writeSignedJson(dir: string, file: string, value: unknown, privateJwk: PrivateJwk): Promise<void> {
  const bytes = Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  const signature = await signDetached(bytes, privateJwk);
  // JSON first, then its signature: a reader in between sees a mismatch (SIGNATURE_INVALID, retried), never a forged pair.
  await writeFileAtomic(path.join(dir, file), bytes);
  await writeFileAtomic(path.join(dir, `${file}.sig`), `${signature}\n`);
}
