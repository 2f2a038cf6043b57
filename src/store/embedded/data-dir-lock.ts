import { type FileHandle, mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import fsx from 'fs-native-extensions';
import { StoreLockedError } from '../store-errors.js';

/** The lock an open embedded store holds on its DATA_DIR. */
export interface DataDirLock {
  /** `<dataDir>/store/LOCK`. */
  readonly path: string;
  /** Drops the lock and closes the file. Idempotent. */
  release(): Promise<void>;
}

/**
 * Takes an OS file lock (flock) on `<dataDir>/store/LOCK` for as long as the store is open.
 * The kernel holds it, not the file's content: it is dropped the instant the holder dies (kill
 * -9 included, even before its parent reaps it), and no pid — dead, reused, or our own in a
 * container where we are pid 1 on every start — can be misjudged. A second open in this same
 * process is refused too (the lock belongs to one open file). The file keeps the holder's pid
 * only so the refusal can name it. The file itself is never deleted: removing a lock file
 * another process may be opening would let two processes each lock a different inode.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const lockPath = path.resolve(dataDir, 'store', 'LOCK');
  await mkdir(path.dirname(lockPath), { recursive: true });
  // 'a+' creates the file when missing and never truncates someone else's pid before we hold it.
  const file = await open(lockPath, 'a+', 0o600);
  if (!fsx.tryLock(file.fd)) {
    const holder = await readHolder(file);
    await file.close();
    throw lockedError(dataDir, holder);
  }
  await file.truncate(0);
  await file.write(`${process.pid}\n`, 0);
  let held = true;
  return {
    path: lockPath,
    async release() {
      if (!held) return;
      held = false;
      await file.truncate(0).catch(() => {});
      fsx.unlock(file.fd);
      await file.close();
    },
  };
}

async function readHolder(file: FileHandle): Promise<number | null> {
  const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(32), position: 0 });
  const pid = Number.parseInt(buffer.subarray(0, bytesRead).toString('utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function lockedError(dataDir: string, pid: number | null): StoreLockedError {
  const who = pid === null ? 'another process' : `process ${pid}`;
  const note = pid === process.pid ? ' (this process: the store is already open here, close it first)' : '';
  return new StoreLockedError(`DATA_DIR ${dataDir} is in use by ${who}${note}; stop it or use another DATA_DIR.`);
}
