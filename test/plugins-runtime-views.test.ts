import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.js';
import { isPlatformError } from '../src/errors/index.js';
import { createLogger } from '../src/logging/index.js';
import { createModuleRuntime, type ModuleRuntime, type RegistryModuleView } from '../src/plugins/index.js';
import { openStore } from '../src/store/open-store.js';
import type { DocumentStore } from '../src/store/types.js';
import { bundledDirWith } from './fixtures/runtime/runtime-server.js';

describe('module views with registry and license information', () => {
  let dataDir: string;
  let bundledDir: string;
  let store: DocumentStore;
  let runtime: ModuleRuntime;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'a64-views-'));
    bundledDir = await bundledDirWith(['counter']);
    store = await openStore({ dataDir });
    runtime = createModuleRuntime({
      config: loadConfig({ DATA_DIR: dataDir }),
      store,
      logger: createLogger({ level: 'silent' }),
      core: { typeDefs: 'type Query { ok: Boolean }' },
      bundledDir,
      installedDir: path.join(dataDir, 'modules'),
      registryModules: (): RegistryModuleView[] => [
        {
          name: 'counter',
          displayName: 'Counter',
          description: 'c',
          author: 'A64',
          latestVersion: '1.1.0',
          availableVersions: ['1.1.0', '1.0.0'],
          licenseRequired: false,
          licenseType: null,
          dependencies: { core: '>=1.0.0' },
        },
        {
          name: 'weather',
          displayName: 'Weather',
          description: 'Rain and sun',
          author: 'A64',
          latestVersion: '2.0.0',
          availableVersions: ['2.0.0'],
          licenseRequired: true,
          licenseType: 'subscription',
          dependencies: { core: '>=1.0.0', counter: '^1.0.0', sprinkler: '^2.0.0' },
        },
      ],
      describeLicense: ({ name, licenseKeyEncrypted }) => ({
        state: licenseKeyEncrypted ? 'VALID' : 'NOT_REQUIRED',
        licensee: licenseKeyEncrypted ? `${name} owner` : null,
        expiresAt: null,
        seats: null,
        checkedAt: null,
      }),
    });
    await runtime.start();
  });
  afterAll(async () => {
    await runtime.stop();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(bundledDir, { recursive: true, force: true });
  });

  it('lists registry-only modules as AVAILABLE and fills latestVersion of installed ones', () => {
    expect(runtime.list().map((m) => [m.name, m.state, m.installed, m.version, m.latestVersion])).toEqual([
      ['counter', 'ENABLED', true, '1.0.0', '1.1.0'],
      ['weather', 'AVAILABLE', false, null, '2.0.0'],
    ]);
    expect(runtime.get('weather')).toMatchObject({ licenseRequired: true, licenseType: 'SUBSCRIPTION', availableVersions: ['2.0.0'] });
    expect(runtime.get('counter')!.availableVersions).toEqual(['1.1.0', '1.0.0']);
  });

  it("shows an AVAILABLE module's dependencies from the catalog, checked against what is installed", () => {
    expect(runtime.get('weather')!.dependencies).toEqual([
      { name: 'core', range: '>=1.0.0', satisfied: true },
      { name: 'counter', range: '^1.0.0', satisfied: true },
      { name: 'sprinkler', range: '^2.0.0', satisfied: false },
    ]);
  });

  it('refuses enabling a module that is only in the registry with NOT_INSTALLED', async () => {
    await expect(runtime.enable('weather')).rejects.toSatisfy((error) => isPlatformError(error, 'NOT_INSTALLED'));
  });

  it('stores the encrypted license and shows only its status', async () => {
    await runtime.saveLicense('counter', 'ciphertext');
    expect(runtime.storedLicense('counter')).toBe('ciphertext');
    expect(runtime.get('counter')!.license).toMatchObject({ state: 'VALID', licensee: 'counter owner' });
    expect(JSON.stringify(runtime.list())).not.toContain('ciphertext');
  });
});
