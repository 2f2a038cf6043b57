import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from './support/graphql-client.js';
import { CLI, spawnServer } from './support/spawn-server.js';

const LOGIN = 'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }';

describe('a64 serve on the embedded store', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'a64-restart-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps users and the installation id across a restart, and secrets are 0600', async () => {
    const first = await spawnServer({ DATA_DIR: dataDir });
    const password = /with password (\S+)/.exec(first.output())?.[1];
    expect(password, `generated password printed once:\n${first.output()}`).toBeTruthy();
    const graphql = `${first.url}/graphql`;
    const admin = await gql<{ login: { token: string } }>(graphql, LOGIN, { e: 'admin@localhost.local', p: password });
    const token = admin.data!.login.token;
    const created = await gql(
      graphql,
      'mutation{ createUser(email:"keep@example.test", password:"keep-me-please", role:ADMIN){ id } }',
      {},
      token,
    );
    expect(created.errors).toBeUndefined();
    const before = await gql<{ platform: { installationId: string } }>(graphql, '{ platform { installationId } }');
    expect(await first.stop()).toBe(0);

    const second = await spawnServer({ DATA_DIR: dataDir });
    expect(second.output()).not.toContain('with password');
    const login = await gql<{ login: { token: string } }>(`${second.url}/graphql`, LOGIN, { e: 'keep@example.test', p: 'keep-me-please' });
    expect(login.errors).toBeUndefined();
    const after = await gql<{ platform: { installationId: string } }>(`${second.url}/graphql`, '{ platform { installationId } }');
    expect(after.data?.platform.installationId).toBe(before.data?.platform.installationId);
    await second.stop();

    expect((await stat(path.join(dataDir, 'secrets', 'token.key'))).mode & 0o777).toBe(0o600);
  });

  it('refuses a second server on the same DATA_DIR with a clear message', async () => {
    const first = await spawnServer({ DATA_DIR: dataDir });
    await expect(spawnServer({ DATA_DIR: dataDir }, { timeoutMs: 20_000 })).rejects.toThrow(/in use/);
    await first.stop();
  });

  it('stops start-up on a bad environment value, naming the variable', () => {
    const result = spawnSync(process.execPath, [CLI, 'serve'], {
      env: { PATH: process.env.PATH, PORT: 'abc', DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('PORT');
  });
});
