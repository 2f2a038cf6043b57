import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../src/store/embedded/embedded-store.js';
import { StoreLockedError } from '../src/store/store-errors.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const storeIndex = path.join(repoRoot, 'src/store/index.ts');

let dataDir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'a64-lock-'));
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

const lockFile = () => path.join(dataDir, 'store', 'LOCK');

async function writeLock(content: string): Promise<void> {
  await mkdir(path.dirname(lockFile()), { recursive: true });
  await writeFile(lockFile(), content);
}

/** A pid that surely belonged to a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid as number;
}

/** Starts a real second process (node + tsx) that opens the store of `dataDir` and keeps it open. */
async function startHolder(): Promise<ChildProcess> {
  const script = path.join(dataDir, 'hold-store.mts');
  await writeFile(
    script,
    `import { openStore } from ${JSON.stringify(storeIndex)};\n` +
      `await openStore({ dataDir: process.argv[2] });\n` +
      `process.stdout.write('ready\\n');\n` +
      `setInterval(() => {}, 1000);\n`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`holder exited early (${code}): ${stderr}`)));
  });
  return child;
}

describe('DATA_DIR lock', () => {
  it('refuses a second open in the same process until the first is closed, then frees the lock', async () => {
    const first = await openEmbeddedStore({ dataDir });
    expect((await readFile(lockFile(), 'utf8')).trim()).toBe(String(process.pid));
    const error = await openEmbeddedStore({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as Error).message).toMatch(
      new RegExp(`DATA_DIR .+ is in use by process ${process.pid}\\b.*; stop it or use another DATA_DIR`),
    );
    await first.close();
    // The file stays (deleting it could let two processes lock different inodes); it is emptied.
    expect(await readFile(lockFile(), 'utf8')).toBe('');
    const second = await openEmbeddedStore({ dataDir });
    await second.close();
  });

  it('refuses to open while another live process holds the store, and takes over once it died', async () => {
    const holder = await startHolder();
    const error = await openEmbeddedStore({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as Error).message).toContain(`is in use by process ${holder.pid}; stop it or use another DATA_DIR`);

    // A crash leaves the file behind with the dead pid in it; the kernel has dropped the lock itself.
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    expect((await readFile(lockFile(), 'utf8')).trim()).toBe(String(holder.pid));
    const store = await openEmbeddedStore({ dataDir });
    expect((await readFile(lockFile(), 'utf8')).trim()).toBe(String(process.pid));
    await store.close();
  });

  it('takes over a stale lock naming a dead process', async () => {
    await writeLock(`${await deadPid()}\n`);
    const store = await openEmbeddedStore({ dataDir });
    expect((await readFile(lockFile(), 'utf8')).trim()).toBe(String(process.pid));
    await store.close();
  });

  it('takes over a lock naming our own pid that this process does not hold (pid reused after a container restart)', async () => {
    await writeLock(`${process.pid}\n`);
    const store = await openEmbeddedStore({ dataDir });
    await expect(openEmbeddedStore({ dataDir })).rejects.toBeInstanceOf(StoreLockedError);
    await store.close();
  });

  it('takes over a lock file naming a live process that does not hold the lock (pid reused by another program)', async () => {
    await writeLock(`${process.ppid}\n`);
    const store = await openEmbeddedStore({ dataDir });
    expect((await readFile(lockFile(), 'utf8')).trim()).toBe(String(process.pid));
    await store.close();
  });

  it('takes over an unreadable lock file', async () => {
    await writeLock('not a pid');
    const store = await openEmbeddedStore({ dataDir });
    await store.close();
  });
});
