import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from './support/graphql-client.js';
import { CLI, spawnServer } from './support/spawn-server.js';

function a64(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
}

describe('a64 CLI', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'a64-cli-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('lists its commands with --help', () => {
    const result = a64(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('a64 serve');
    expect(result.stdout).toContain('a64 users create');
  });

  it('refuses unknown commands and flags with a non-zero exit and the usage', () => {
    const unknown = a64(['fly']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command');
    const badFlag = a64(['users', 'create', '--emial', 'x@y.z']);
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toContain('--emial');
    expect(badFlag.stderr).toContain('Usage: a64 users create');
  });

  it('creates a user who can then log in through the server', async () => {
    const env = { DATA_DIR: dataDir };
    const created = a64(['users', 'create', '--email', 'cli@example.test', '--password', 'cli-password-1', '--role', 'admin'], env);
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Created ADMIN cli@example.test');
    const duplicate = a64(['users', 'create', '--email', 'cli@example.test', '--password', 'cli-password-1', '--role', 'USER'], env);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('already exists');
    const weak = a64(['users', 'create', '--email', 'weak@example.test', '--password', 'short', '--role', 'USER'], env);
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('password');

    const server = await spawnServer(env);
    const login = await gql(
      `${server.url}/graphql`,
      'mutation{ login(email:"cli@example.test", password:"cli-password-1"){ user { role } } }',
    );
    expect(login.data).toEqual({ login: { user: { role: 'ADMIN' } } });
    await server.stop();
  });
});
