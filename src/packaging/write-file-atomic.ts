import { rename, rm, writeFile } from 'node:fs/promises';

/** Writes via a temporary file and a rename, so readers (a serving registry) never see half a file. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, data, { mode });
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
