import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLicenseKey } from '../src/plugins/licenses/index.js';
import { generateSigningKeyPair, verifyDetached } from '../src/plugins/registry/index.js';
import { errorCode, gql } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry, simpleModule } from './support/installer-registry.js';
import { CLI, type ServerProcess, spawnServer } from './support/spawn-server.js';

const ADMIN = { email: 'licenses@example.test', password: 'licenses-password' };
const MODULE = 'paid_app';

function a64(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH }, encoding: 'utf8' });
}

/** Every file under `dir` whose bytes contain `secret`. */
async function filesHolding(dir: string, secret: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await readdir(dir, { recursive: true })) {
    const bytes = await readFile(path.join(dir, file)).catch(() => null);
    if (bytes?.includes(secret)) found.push(file);
  }
  return found;
}

describe('licensed modules: checked before download, stored encrypted, never shown (a real server process)', () => {
  let registry: InstallerRegistry;
  let root: string;
  let dataDir: string;
  let server: ServerProcess;
  let url: string;
  let token: string;
  let installationId: string;
  /** Every key handed to the platform, to look for in files and logs at the end. */
  const keys: string[] = [];
  /** Output of every server process so far. */
  const logs: string[] = [];

  const q = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => gql<T>(url, query, variables, token);
  const install = (licenseKey?: string) =>
    q(`mutation($k: String) { installModule(input: { name: "${MODULE}", version: "1.0.0", licenseKey: $k }) { state } }`, {
      k: licenseKey,
    });
  const issue = async (overrides: Partial<Parameters<typeof issueLicenseKey>[0]> = {}, key = registry.vendorKey.privateJwk) => {
    const issued = await issueLicenseKey(
      { module: MODULE, licensee: 'Green Farms', type: 'per_installation', installation: installationId, expiresInDays: 30, ...overrides },
      key,
    );
    keys.push(issued.key);
    return issued;
  };
  const license = async () =>
    (
      await q<{ module: { state: string; license: { state: string; licensee: string | null; expiresAt: string | null } } }>(
        `{ module(name: "${MODULE}") { state license { state licensee expiresAt } } }`,
      )
    ).data!.module;

  async function restart() {
    logs.push(server.output());
    await server.stop();
    await start();
  }

  async function start() {
    server = await spawnServer(
      {
        ...registry.env,
        DATA_DIR: dataDir,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: 'debug',
      },
      { lifetime: 'file' },
    );
    url = `${server.url}/graphql`;
    const login = await gql<{ login: { token: string } }>(
      url,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      {
        e: ADMIN.email,
        p: ADMIN.password,
      },
    );
    token = login.data!.login.token;
  }

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    const paid = {
      ...simpleModule(MODULE, '1.0.0', 'paidApp', 'paid'),
      manifest: { license_required: true, license_type: 'per_installation' },
    };
    await registry.publish(paid);
    await registry.publish({ ...paid, version: '1.1.0' });
    await registry.publish(simpleModule('free_app', '1.0.0', 'freeApp', 'free'));
    root = await mkdtemp(path.join(tmpdir(), 'a64-licenses-'));
    dataDir = path.join(root, 'data');
    await start();
    installationId = (await q<{ platform: { installationId: string } }>('{ platform { installationId } }')).data!.platform.installationId;
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await registry?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('refuses a missing, foreign, mismatched or expired key before downloading anything', async () => {
    expect((await q(`{ module(name: "${MODULE}") { licenseRequired licenseType } }`)).data).toEqual({
      module: { licenseRequired: true, licenseType: 'PER_INSTALLATION' },
    });
    const missing = await install();
    expect(errorCode(missing)).toBe('LICENSE_REQUIRED');
    expect(missing.errors?.[0]?.message).toContain(installationId);
    const otherVendor = await generateSigningKeyPair();
    expect(errorCode(await install((await issue({}, otherVendor.privateJwk)).key))).toBe('LICENSE_INVALID');
    expect(errorCode(await install((await issue({ module: 'free_app' })).key))).toBe('LICENSE_INVALID');
    expect(errorCode(await install((await issue({ installation: 'some-other-installation' })).key))).toBe('LICENSE_INVALID');
    expect(errorCode(await install('not-a-license-key'))).toBe('LICENSE_INVALID');
    const signing = await importJWK({ ...registry.vendorKey.privateJwk }, 'EdDSA');
    const expired = await new SignJWT({ module: MODULE, type: 'per_installation', installation: installationId })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setJti('expired-license')
      .setSubject('Green Farms')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(signing);
    keys.push(expired);
    expect(errorCode(await install(expired))).toBe('LICENSE_EXPIRED');
    expect(registry.server.hits.filter((hit) => hit.endsWith('.tar.gz'))).toEqual([]);
    expect((await license()).state).toBe('AVAILABLE');
  });

  it('a64 license revoke signs a new revocation list, and a revoked key is LICENSE_REVOKED', async () => {
    const revoked = await issue();
    const before = JSON.parse(await readFile(path.join(registry.dir, 'revocations.json'), 'utf8'));
    const run = a64(['license', 'revoke', revoked.jti, '--registry', registry.dir, '--key', registry.registryKeyFile]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Revoked ${revoked.jti}`);
    const bytes = await readFile(path.join(registry.dir, 'revocations.json'));
    const after = JSON.parse(bytes.toString('utf8'));
    expect(after.version).toBe(before.version + 1);
    expect(after.revoked).toEqual([revoked.jti]);
    expect(Date.parse(after.expires)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const signature = await readFile(path.join(registry.dir, 'revocations.json.sig'), 'utf8');
    await expect(verifyDetached(bytes, signature, registry.registryKey.publicJwk, 'revocations.json')).resolves.toBeUndefined();
    expect(errorCode(await install(revoked.key))).toBe('LICENSE_REVOKED');

    // Revoking again changes nothing but the version and expiry.
    const again = a64(['license', 'revoke', revoked.jti, '--registry', registry.dir, '--key', registry.registryKeyFile]);
    expect(again.status, again.stderr).toBe(0);
    const twice = JSON.parse(await readFile(path.join(registry.dir, 'revocations.json'), 'utf8'));
    expect(twice.revoked).toEqual([revoked.jti]);
    expect(twice.version).toBe(after.version + 1);
  });

  it('a64 license revoke explains a missing registry, a key that does not sign it, and a bad key file', async () => {
    const nowhere = a64(['license', 'revoke', 'jti-1', '--registry', path.join(root, 'nowhere'), '--key', registry.registryKeyFile]);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toContain('is not a registry');
    const otherKey = path.join(root, 'other.jwk.json');
    await writeFile(otherKey, JSON.stringify((await generateSigningKeyPair()).privateJwk));
    const foreign = a64(['license', 'revoke', 'jti-1', '--registry', registry.dir, '--key', otherKey]);
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toContain('does not sign the registry');
    const garbage = path.join(root, 'garbage.jwk.json');
    await writeFile(garbage, 'not json');
    const bad = a64(['license', 'revoke', 'jti-1', '--registry', registry.dir, '--key', garbage]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('is not JSON');
    const absent = a64(['license', 'revoke', 'jti-1', '--registry', registry.dir, '--key', path.join(root, 'absent.json')]);
    expect(absent.status).toBe(2);
    expect(absent.stderr).toContain('cannot read the key file');
    // Nothing was written by the refused runs.
    expect(JSON.parse(await readFile(path.join(registry.dir, 'revocations.json'), 'utf8')).revoked).not.toContain('jti-1');
  });

  it('installs with a valid key and shows its status (never the key)', async () => {
    const valid = await issue();
    expect((await install(valid.key)).data).toEqual({ installModule: { state: 'ENABLED' } });
    expect(await license()).toEqual({
      state: 'ENABLED',
      license: {
        state: 'VALID',
        licensee: 'Green Farms',
        expiresAt: new Date(Math.floor(valid.expiresAt.getTime() / 1000) * 1000).toISOString(),
      },
    });
    const fields = await q<{ __type: { fields: Array<{ name: string }> } }>('{ __type(name: "LicenseStatus") { fields { name } } }');
    expect(fields.data!.__type.fields.map((field) => field.name).sort()).toEqual(['checkedAt', 'expiresAt', 'licensee', 'seats', 'state']);
    // Upgrading reuses the stored key.
    const upgraded = await q(`mutation { upgradeModule(name: "${MODULE}") { version } }`);
    expect(upgraded.errors).toBeUndefined();
    expect(upgraded.data).toEqual({ upgradeModule: { version: '1.1.0' } });
  });

  it('setModuleLicense replaces the key (kept across a restart); a bad one leaves the old in place', async () => {
    const renewed = await issue({ licensee: 'Green Farms Renewed', expiresInDays: 365 });
    const set = await q<{ setModuleLicense: { license: { state: string; licensee: string } } }>(
      `mutation($k: String!) { setModuleLicense(name: "${MODULE}", licenseKey: $k) { license { state licensee } } }`,
      { k: renewed.key },
    );
    expect(set.data?.setModuleLicense.license).toEqual({ state: 'VALID', licensee: 'Green Farms Renewed' });
    const other = await issue({ module: 'free_app' });
    const refused = await q(`mutation($k: String!) { setModuleLicense(name: "${MODULE}", licenseKey: $k) { name } }`, { k: other.key });
    expect(errorCode(refused)).toBe('LICENSE_INVALID');
    await restart();
    expect((await license()).license.licensee).toBe('Green Farms Renewed');
  }, 30_000);

  it('a license revoked after install disables the module at the next start', async () => {
    const { key, jti } = await issue({ licensee: 'Soon Revoked' });
    await q(`mutation($k: String!) { setModuleLicense(name: "${MODULE}", licenseKey: $k) { name } }`, { k: key });
    expect(a64(['license', 'revoke', jti, '--registry', registry.dir, '--key', registry.registryKeyFile]).status).toBe(0);
    await restart();
    expect(await license()).toMatchObject({ state: 'DISABLED', license: { state: 'REVOKED' } });
    expect(errorCode(await q('{ paidApp }'))).toBe('GRAPHQL_VALIDATION_FAILED');
  }, 30_000);

  it('never wrote a key in clear: not in DATA_DIR, not in the audit log, not in the logs', async () => {
    expect(keys.length).toBeGreaterThan(8);
    const audit = await q('{ auditLog(limit: 200) { entries { action outcome details } } }');
    expect(JSON.stringify(audit.data)).toContain('module.license');
    const output = [...logs, server.output()].join('\n');
    // The logs are there (debug level) and speak of the license checks, without the keys.
    expect(output).toContain(MODULE);
    for (const key of keys) {
      const signature = key.split('.')[2]!;
      expect(await filesHolding(dataDir, signature)).toEqual([]);
      expect(JSON.stringify(audit)).not.toContain(signature);
      expect(output).not.toContain(signature);
    }
  });
});
