import { readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreLockedError } from '../store-errors.js';

/** The lock an open embedded store holds on its DATA_DIR. */
export interface DataDirLock {
  /** `<dataDir>/store/LOCK`. */
  readonly path: string;
  /** Removes the lock file (only if it still names this process). Idempotent. */
  release(): Promise<void>;
}

// Locks held by this process. A lock file naming our own pid is only "ours" if it is in here:
// in a container the platform is often pid 1 on every start, so a lock left by a crash would
// otherwise look held by ourselves forever.
const heldLocks = new Set<string>();
let exitHookInstalled = false;

/**
 * Takes `<dataDir>/store/LOCK` for this process (the file holds the pid).
 * Throws StoreLockedError when a live process (this one included) holds it; a lock naming a dead
 * process is stale and taken over.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const lockPath = path.resolve(dataDir, 'store', 'LOCK');
  await mkdir(path.dirname(lockPath), { recursive: true });
  // A few rounds cover the races "lock vanished between our write and read" and "stale lock removed by someone else".
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await tryCreate(lockPath)) return hold(lockPath);
    const holder = await readHolder(lockPath);
    if (holder === 'missing') continue;
    if (heldLocks.has(lockPath)) throw lockedError(dataDir, process.pid);
    if (holder !== null && holder !== process.pid && isProcessAlive(holder)) throw lockedError(dataDir, holder);
    await rm(lockPath, { force: true });
  }
  throw new StoreLockedError(`DATA_DIR ${dataDir} is in use: could not take ${lockPath}; stop the other process or use another DATA_DIR.`);
}

async function tryCreate(lockPath: string): Promise<boolean> {
  try {
    await writeFile(lockPath, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The pid in the lock file, null when unreadable garbage (treated as stale), 'missing' when gone. */
async function readHolder(lockPath: string): Promise<number | null | 'missing'> {
  try {
    const pid = Number.parseInt((await readFile(lockPath, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(dataDir: string, pid: number): StoreLockedError {
  const note = pid === process.pid ? ' (this process: the store is already open here, close it first)' : '';
  return new StoreLockedError(`DATA_DIR ${dataDir} is in use by process ${pid}${note}; stop it or use another DATA_DIR.`);
}

function hold(lockPath: string): DataDirLock {
  heldLocks.add(lockPath);
  installExitHook();
  return {
    path: lockPath,
    async release() {
      if (!heldLocks.delete(lockPath)) return;
      const holder = await readHolder(lockPath);
      if (holder === process.pid) await rm(lockPath, { force: true });
    },
  };
}

// Best effort for a process that exits without close(): leave no lock behind. A crash (SIGKILL)
// still leaves one, which the next start takes over because the pid is dead.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const lockPath of heldLocks) {
      try {
        if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) rmSync(lockPath, { force: true });
      } catch {
        // Exiting anyway: a lock we cannot remove is stale and will be taken over next time.
      }
    }
  });
}
