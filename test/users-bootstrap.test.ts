import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorCode, gql } from './support/graphql-client.js';
import { CLI, type ServerProcess, spawnServer } from './support/spawn-server.js';

const LOGIN = 'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }';
const PRINTED = /super admin (\S+)[^\n]* with password (\S+)/;

function runServeUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** `serve` prints its banner (URL, admin page, bootstrap line) in one write: wait for it. */
async function banner(server: ServerProcess): Promise<string> {
  while (!/Admin page[^\n]*\n/.test(server.output())) {
    await new Promise((resolve) => server.child.stdout!.once('data', resolve));
  }
  return server.output();
}

async function printed(server: ServerProcess): Promise<{ email: string; password: string }> {
  await banner(server);
  const match = PRINTED.exec(server.output());
  if (!match) throw new Error(`no bootstrap password printed:\n${server.output()}`);
  return { email: match[1]!, password: match[2]! };
}

describe('the bootstrap admin cannot lock anyone out', () => {
  let dataDir: string;
  let blocker: Server | undefined;
  let server: ServerProcess | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'a64-bootstrap-'));
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
    blocker = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a first start that fails on a port in use creates no admin; the next start prints a password that works', async () => {
    blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker!.listen(0, '127.0.0.1', () => resolve((blocker!.address() as { port: number }).port)),
    );
    const failed = await runServeUntilExit({ DATA_DIR: dataDir, PORT: String(port) });
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(/already in use/);
    expect(failed.output).not.toMatch(PRINTED);

    server = await spawnServer({ DATA_DIR: dataDir });
    const { email, password } = await printed(server);
    const login = await gql(`${server.url}/graphql`, LOGIN, { e: email, p: password });
    expect(errorCode(login)).toBeUndefined();
  });

  it('an admin whose generated password was never used gets a new one on the next start; once used, none is printed', async () => {
    server = await spawnServer({ DATA_DIR: dataDir });
    const first = await printed(server);
    await server.stop();
    // The output of that start was lost: nobody signed in.
    server = await spawnServer({ DATA_DIR: dataDir });
    const second = await printed(server);
    expect(server.output()).toMatch(/has not signed in yet/);
    expect(second.password).not.toBe(first.password);
    expect(errorCode(await gql(`${server.url}/graphql`, LOGIN, { e: first.email, p: first.password }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(`${server.url}/graphql`, LOGIN, { e: second.email, p: second.password }))).toBeUndefined();
    await server.stop();
    server = await spawnServer({ DATA_DIR: dataDir });
    expect(await banner(server)).not.toMatch(PRINTED);
    expect(errorCode(await gql(`${server.url}/graphql`, LOGIN, { e: second.email, p: second.password }))).toBeUndefined();
  });
});
