import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, gql } from './support/graphql-client.js';
import { CLI, type ServerProcess, spawnServer } from './support/spawn-server.js';

const ADMIN = { ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'correct horse battery' };
const LOGIN = 'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token user { permissions grants } } }';

describe('a64 users create | set-password | grant', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  const a64 = (args: string[]) =>
    spawnSync(process.execPath, [CLI, 'users', ...args], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'a64-users-cli-'));
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('while the server runs on the embedded store: refuses and prints the GraphQL request that does it, nothing written', async () => {
    server = await spawnServer({ DATA_DIR: dataDir, ...ADMIN });
    const created = a64(['create', '--email', 'picker@example.test', '--password', 'picker-Passw0rd!', '--role', 'USER']);
    expect(created.status).toBe(1);
    expect(created.stderr).toMatch(/running on DATA_DIR/);
    expect(created.stderr).toContain('createUser(email: \\"picker@example.test\\"');
    expect(created.stderr).not.toContain('picker-Passw0rd!');
    const grant = a64(['grant', '--email', 'picker@example.test', '--permissions', 'farm.view']);
    expect(grant.status).toBe(1);
    expect(grant.stderr).toContain('grantPermissions');
    expect(errorCode(await gql(`${server.url}/graphql`, LOGIN, { e: 'picker@example.test', p: 'picker-Passw0rd!' }))).toBe(
      'UNAUTHENTICATED',
    );
    await server.stop();
    server = undefined;
  });

  it('with the server stopped: creates with grants, grants more, sets a password; refuses weak passwords and unknown permissions', async () => {
    const created = a64([
      'create',
      '--email',
      'picker@example.test',
      '--password',
      'picker-Passw0rd!',
      '--role',
      'user',
      '--permissions',
      'farm.view',
    ]);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/Created USER picker@example.test .* with farm.view/);
    const granted = a64(['grant', '--email', 'picker@example.test', '--permissions', 'farm.manage_blocks']);
    expect(granted.status).toBe(0);
    expect(granted.stdout).toContain('farm.manage_blocks, farm.view');
    const unknown = a64(['grant', '--email', 'picker@example.test', '--permissions', 'farm.teleport']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('farm.teleport');
    const weak = a64(['set-password', '--email', 'picker@example.test', '--password', '1234567890']);
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/password/);
    const nobody = a64(['set-password', '--email', 'nobody@example.test', '--password', 'a fine new Passw0rd']);
    expect(nobody.status).toBe(1);
    expect(nobody.stderr).toContain('nobody@example.test');
    expect(a64(['set-password', '--email', 'picker@example.test', '--password', 'a fine new Passw0rd']).status).toBe(0);

    server = await spawnServer({ DATA_DIR: dataDir, ...ADMIN });
    const login = await gql<{ login: { user: { permissions: string[]; grants: string[] } } }>(`${server.url}/graphql`, LOGIN, {
      e: 'picker@example.test',
      p: 'a fine new Passw0rd',
    });
    expect(login.data?.login.user.grants).toEqual(['farm.manage_blocks', 'farm.view']);
    const audit = await gql<{ auditLog: { entries: Array<{ actor: string; action: string }> } }>(
      `${server.url}/graphql`,
      '{ auditLog(limit: 20) { entries { actor action } } }',
      {},
      (
        await gql<{ login: { token: string } }>(`${server.url}/graphql`, LOGIN.replace(' user { permissions grants }', ''), {
          e: ADMIN.ADMIN_EMAIL,
          p: ADMIN.ADMIN_PASSWORD,
        })
      ).data!.login.token,
    );
    expect(audit.data?.auditLog.entries).toEqual(
      expect.arrayContaining([
        { actor: 'cli', action: 'user.create' },
        { actor: 'cli', action: 'user.password.set' },
      ]),
    );
  }, 180_000); // six CLI processes and a server start, one after another: slow on a busy machine
});
