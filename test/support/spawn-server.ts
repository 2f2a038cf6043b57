import { afterAll, onTestFinished } from 'vitest';
import { type ServerProcess, startServerProcess } from './server-process.js';

export { CLI, type ServerProcess } from './server-process.js';

const running = new Set<ServerProcess>();

// Whatever a test file started and did not stop (a failed assertion before `stop()`) is killed
// when the file ends, so it cannot hold the next test's DATA_DIR.
afterAll(async () => {
  await Promise.all([...running].map((server) => server.kill()));
});

export interface SpawnOptions {
  /** How long the start banner may take; default 30 s (the machine may be busy). */
  timeoutMs?: number;
  /**
   * `test` (default): killed when the test that started it finishes, unless it stopped already.
   * `file`: lives on for later tests (a server restarted inside a test), killed when the file ends.
   */
  lifetime?: 'test' | 'file';
}

/** `a64 serve` as a real process (see startServerProcess), always stopped by the end of its test or file. */
export async function spawnServer(env: Record<string, string>, options: SpawnOptions = {}): Promise<ServerProcess> {
  const server = await startServerProcess(env, options.timeoutMs);
  running.add(server);
  server.child.once('exit', () => running.delete(server));
  if (options.lifetime !== 'file') {
    try {
      onTestFinished(async () => {
        if (!server.exited()) await server.kill();
      });
    } catch {
      // Started in a hook (beforeAll), not in a test: the file's afterAll above stops it.
    }
  }
  return server;
}
