import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLogRepository } from '../src/plugins/audit/index.js';
import { openStore } from '../src/store/open-store.js';
import { createInstallerRegistry, type InstallerRegistry, simpleModule } from './support/installer-registry.js';
import { CLI } from './support/spawn-server.js';

function a64(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
}

describe('a64 license issue / revoke and audit verify', () => {
  let root: string;
  let registry: InstallerRegistry;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'a64-cli-lic-'));
    registry = await createInstallerRegistry();
    await registry.publish(simpleModule('one', '1.0.0', 'one', '1'));
  });
  afterAll(async () => {
    await registry.close();
    await rm(root, { recursive: true, force: true });
  });

  it('issues a key on stdout only, and revokes it into the signed revocation list', async () => {
    expect(a64(['keys', 'generate', '--out', path.join(root, 'vendor')]).status).toBe(0);
    const key = path.join(root, 'vendor', 'private.jwk.json');
    const issued = a64(['license', 'issue', '--module', 'one', '--licensee', 'Acme', '--type', 'per_user', '--seats', '5', '--key', key]);
    expect(issued.status).toBe(0);
    expect(issued.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const jti = /license (\S+) for one/.exec(issued.stderr)?.[1];
    expect(jti).toBeTruthy();
    expect(a64(['license', 'issue', '--module', 'one', '--licensee', 'Acme', '--type', 'per_user', '--key', key]).status).toBe(2);
    expect(a64(['license', 'issue', '--module', 'one', '--licensee', 'Acme', '--type', 'lifetime', '--key', key]).status).toBe(2);
    expect(
      a64(['license', 'issue', '--module', 'one', '--licensee', 'Acme', '--type', 'subscription', '--expires', '0', '--key', key]).status,
    ).toBe(2);

    const registryKey = path.join(root, 'registry.jwk.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(registryKey, JSON.stringify(registry.registryKey.privateJwk)));
    const before = JSON.parse(await readFile(path.join(registry.dir, 'revocations.json'), 'utf8'));
    const revoked = a64(['license', 'revoke', jti!, '--registry', registry.dir, '--key', registryKey]);
    expect(revoked.status, revoked.stderr).toBe(0);
    const after = JSON.parse(await readFile(path.join(registry.dir, 'revocations.json'), 'utf8'));
    expect(after.revoked).toContain(jti);
    expect(after.version).toBe(before.version + 1);
    expect(a64(['license', 'revoke', 'x', '--registry', path.join(root, 'nowhere'), '--key', registryKey]).status).toBe(1);
  });

  it('verifies the audit chain and names the first tampered entry', async () => {
    const dataDir = path.join(root, 'data');
    const store = await openStore({ dataDir });
    const audit = createAuditLogRepository(store);
    await audit.ensureIndexes();
    for (let i = 0; i < 3; i++)
      await audit.append({ actor: 'root', action: 'module.enable', module: 'one', outcome: 'SUCCEEDED', details: null });
    await store.close();
    const intact = a64(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain('intact (3 entries)');

    const reopened = await openStore({ dataDir });
    await reopened.collection('audit_log').updateOne({ seq: 2 }, { $set: { actor: 'mallory' } });
    await reopened.close();
    const broken = a64(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('entry 2');
  });
});
