import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry, simpleModule } from './support/installer-registry.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

describe('dependencies between registry modules across install, upgrade and uninstall', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let token: string;

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publish(simpleModule('base_lib', '1.0.0', 'baseLib', 'base 1'));
    await registry.publish(simpleModule('base_lib', '2.0.0', 'baseLib', 'base 2'));
    await registry.publish({
      ...simpleModule('dependent_app', '1.0.0', 'dependentApp', 'dependent'),
      manifest: { dependencies: { core: '>=1.0.0', base_lib: '^1.0.0' } },
    });
    platform = await startTestPlatform(registry.env);
    token = await platform.adminToken();
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  const q = <T = Record<string, unknown>>(query: string) => platform.gql<T>(query, undefined, token);
  const state = async () => ({
    modules: await readdir(path.join(platform.dataDir, 'modules'), { recursive: true }).catch(() => []),
    records: await platform.store.collection('installed_modules').find({}, { sort: { name: 1 } }),
    schemaVersion: (await q<{ platform: { schemaVersion: number } }>('{ platform { schemaVersion } }')).data!.platform.schemaVersion,
  });

  it('refuses a module whose dependency is missing, before downloading it', async () => {
    const refused = await q('mutation { installModule(input: { name: "dependent_app" }) { state } }');
    expect(errorCode(refused)).toBe('DEPENDENCY_UNSATISFIED');
    expect(refused.errors?.[0]?.message).toContain('base_lib ^1.0.0 is not installed');
    expect(registry.server.hits.some((hit) => hit.includes('dependent_app-1.0.0.tar.gz'))).toBe(false);
  });

  it('installs the dependency, then the dependent', async () => {
    expect((await q('mutation { installModule(input: { name: "base_lib", version: "1.0.0" }) { state } }')).errors).toBeUndefined();
    expect((await q('mutation { installModule(input: { name: "dependent_app" }) { state } }')).data).toEqual({
      installModule: { state: 'ENABLED' },
    });
    const listed = await q<{ module: { dependencies: Array<{ name: string; range: string; satisfied: boolean }> } }>(
      '{ module(name: "dependent_app") { dependencies { name range satisfied } } }',
    );
    expect(listed.data?.module.dependencies).toContainEqual({ name: 'base_lib', range: '^1.0.0', satisfied: true });
  });

  it('refuses to uninstall or upgrade away a dependency its dependents need, changing nothing', async () => {
    const before = await state();
    const uninstall = await q('mutation { uninstallModule(name: "base_lib") }');
    expect(errorCode(uninstall)).toBe('DEPENDENTS_ENABLED');
    expect(uninstall.errors?.[0]?.message).toBe(
      'Cannot uninstall base_lib: the enabled module dependent_app depends on it. Disable it first.',
    );
    const upgrade = await q('mutation { upgradeModule(name: "base_lib", version: "2.0.0") { version } }');
    expect(errorCode(upgrade)).toBe('DEPENDENTS_ENABLED');
    expect(upgrade.errors?.[0]?.message).toContain('dependent_app needs base_lib ^1.0.0');
    expect(await state()).toEqual(before);
    expect((await q('{ baseLib dependentApp }')).data).toEqual({ baseLib: 'base 1', dependentApp: 'dependent' });
  });

  it('uninstalls the dependent first, then the dependency', async () => {
    expect((await q('mutation { uninstallModule(name: "dependent_app") }')).data).toEqual({ uninstallModule: true });
    expect((await q('mutation { upgradeModule(name: "base_lib", version: "2.0.0") { version } }')).data).toEqual({
      upgradeModule: { version: '2.0.0' },
    });
    expect((await q('mutation { uninstallModule(name: "base_lib") }')).data).toEqual({ uninstallModule: true });
    expect((await state()).modules).toEqual([]);
  });
});
