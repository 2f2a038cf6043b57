import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** The last line of `a64 serve`'s start banner (see src/cli/commands/serve.ts): after it, the banner is complete. */
const BANNER_END = /Admin page\s+(http:\/\/127\.0\.0\.1:\d+)\/admin\n/;

export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` (without `/graphql`). */
  url: string;
  /** Everything printed so far (stdout and stderr); the whole start banner once spawnServer resolved. */
  output: () => string;
  /** Resolves with the first match of `pattern` in the output, as soon as it is printed. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Whether the process has exited. */
  exited(): boolean;
  /** SIGTERM and wait for exit. */
  stop(): Promise<number | null>;
  /** SIGKILL (a crash) and wait for exit. */
  kill(): Promise<void>;
}

/**
 * Runs `a64 serve` (the built CLI) as a real process and resolves once its start banner is
 * complete (URL, first-start password if any). A process that does not get there in time is
 * killed before the promise rejects, so a failed start never leaks a server.
 */
export function startServerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let hasExited = false;
  const watchers = new Set<() => void>();
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      hasExited = true;
      resolve(code);
      for (const watcher of watchers) watcher();
    }),
  );
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const watcher of watchers) watcher();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  function waitForOutput(pattern: RegExp, waitMs = timeoutMs): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`no output matching ${pattern} in ${waitMs} ms:\n${output}`)), waitMs);
      const done = (error: Error | null, match?: RegExpExecArray) => {
        clearTimeout(timer);
        watchers.delete(check);
        if (error) reject(error);
        else resolve(match!);
      };
      const check = () => {
        const match = pattern.exec(output);
        if (match) done(null, match);
        else if (hasExited) done(new Error(`server exited before printing ${pattern}:\n${output}`));
      };
      watchers.add(check);
      check();
    });
  }

  const server: Omit<ServerProcess, 'url'> = {
    child,
    output: () => output,
    waitForOutput,
    exited: () => hasExited,
    async stop() {
      if (!hasExited) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (!hasExited) child.kill('SIGKILL');
      await exited;
    },
  };
  return waitForOutput(BANNER_END).then(
    (match) => ({ ...server, url: match[1]! }),
    async (error: Error) => {
      await server.kill();
      throw error;
    },
  );
}
