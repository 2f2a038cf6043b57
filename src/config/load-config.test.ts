import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.mongodbUrl).toBeUndefined();
    expect(config.autoDiscoverModules).toBe(true);
    expect(config.registryTtlSeconds).toBe(60);
    expect(config.limits.maxPackageBytes).toBe(200 * 1024 * 1024);
    expect(config.limits.maxPackageEntries).toBe(20_000);
    expect(config.graphql.fastPath).toBe(true);
    expect(loadConfig({ GRAPHQL_FAST_PATH: 'off' }).graphql.fastPath).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ MONGODB_URL: 'postgres://x' }, 'MONGODB_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ AUTO_DISCOVER_MODULES: 'maybe' }, 'AUTO_DISCOVER_MODULES'],
    [{ GRAPHQL_FAST_PATH: 'fast' }, 'GRAPHQL_FAST_PATH: expected on or off'],
    [{ ENABLED_MODULES: 'farm_manager,Bad-Name' }, 'ENABLED_MODULES'],
    [{ REGISTRY_URL: 'ftp://registry' }, 'REGISTRY_URL'],
    [{ ADMIN_EMAIL: 'not-an-email' }, 'ADMIN_EMAIL'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ REGISTRY_PUBLIC_KEY: '/no/such/key.json' }, 'REGISTRY_PUBLIC_KEY'],
    [{ LICENSE_PUBLIC_KEY: '{"kty":"RSA"}' }, 'LICENSE_PUBLIC_KEY'],
    [{ REGISTRY_URL: 'http://127.0.0.1:9000' }, 'REGISTRY_PUBLIC_KEY: required with REGISTRY_URL'],
  ])('names the variable in error for %j', (env, variable) => {
    expect(configError(env)).toContain(variable);
  });

  it('lists every bad variable at once', () => {
    const message = configError({ PORT: 'x', LOG_LEVEL: 'y' });
    expect(message).toContain('PORT');
    expect(message).toContain('LOG_LEVEL');
  });

  it('reads keys from a file path or inline JSON and drops private parts', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const jwk = await exportJWK(privateKey);
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'a64-cfg-')), 'key.json');
    await writeFile(file, JSON.stringify(jwk));
    const fromFile = loadConfig({ REGISTRY_PUBLIC_KEY: file }).registryPublicKey;
    const inline = loadConfig({ LICENSE_PUBLIC_KEY: JSON.stringify(jwk) }).licensePublicKey;
    expect(fromFile?.x).toBe(jwk.x);
    expect(inline?.x).toBe(jwk.x);
    expect(fromFile).not.toHaveProperty('d');
  });

  it('strips a trailing slash from REGISTRY_URL and splits ENABLED_MODULES', () => {
    const key = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'eA' });
    const config = loadConfig({
      REGISTRY_URL: 'http://127.0.0.1:9000/reg/',
      REGISTRY_PUBLIC_KEY: key,
      ENABLED_MODULES: 'farm_manager, inventory',
    });
    expect(config.registryUrl).toBe('http://127.0.0.1:9000/reg');
    expect(config.enabledModules).toEqual(['farm_manager', 'inventory']);
  });
});
