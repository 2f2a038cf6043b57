import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry, simpleModule } from './support/installer-registry.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

describe('one operation per module at a time; different modules side by side', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform;
  let token: string;
  let downloading = 0;
  let mostAtOnce = 0;

  /** Serves `name`'s package only after `ms`: operations on it stay busy long enough to collide. */
  function slowPackage(name: string, version: string, ms: number) {
    const url = `/${name}/${version}/${name}-${version}.tar.gz`;
    registry.server.override(url, (_request, response) => {
      mostAtOnce = Math.max(mostAtOnce, ++downloading);
      setTimeout(async () => {
        downloading--;
        const bytes = await readFile(path.join(registry.dir, url));
        response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': bytes.length });
        response.end(bytes);
      }, ms);
    });
  }

  beforeAll(async () => {
    registry = await createInstallerRegistry();
    for (const name of ['race', 'left', 'right']) await registry.publish(simpleModule(name, '1.0.0', name, `${name}!`));
    await registry.publish(simpleModule('race', '2.0.0', 'race', 'race 2!'));
    platform = await startTestPlatform(registry.env);
    token = await platform.adminToken();
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.close();
  });

  const q = <T = Record<string, unknown>>(query: string) => platform.gql<T>(query, undefined, token);
  const schemaVersion = async () =>
    (await q<{ platform: { schemaVersion: number } }>('{ platform { schemaVersion } }')).data!.platform.schemaVersion;

  it('lets one of two simultaneous installs of a module win; the other is OPERATION_IN_PROGRESS', async () => {
    slowPackage('race', '1.0.0', 400);
    const install = 'mutation { installModule(input: { name: "race", version: "1.0.0" }) { state version } }';
    const results = await Promise.all([q(install), q(install)]);
    const outcomes = results.map((result) => (errorCode(result) as string) ?? 'ENABLED').sort();
    expect(outcomes).toEqual(['ENABLED', 'OPERATION_IN_PROGRESS']);
    const refused = results.find((result) => result.errors)!;
    expect(refused.errors?.[0]?.message).toMatch(/race is busy with install/);
    expect(await readdir(path.join(platform.dataDir, 'modules', 'race'))).toEqual(['1.0.0']);
    expect(await platform.store.collection('installed_modules').countDocuments({ name: 'race' })).toBe(1);
    expect((await q('{ race }')).data).toEqual({ race: 'race!' });
  });

  it('refuses an uninstall while an upgrade of the same module runs, and the upgrade completes', async () => {
    slowPackage('race', '2.0.0', 400);
    const upgrade = q<{ upgradeModule: { version: string } }>('mutation { upgradeModule(name: "race", version: "2.0.0") { version } }');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const uninstall = await q('mutation { uninstallModule(name: "race") }');
    expect(errorCode(uninstall)).toBe('OPERATION_IN_PROGRESS');
    expect((await upgrade).data?.upgradeModule.version).toBe('2.0.0');
    expect((await q('{ race }')).data).toEqual({ race: 'race 2!' });
  });

  it('installs two different modules at the same time, both live', async () => {
    slowPackage('left', '1.0.0', 300);
    slowPackage('right', '1.0.0', 300);
    const before = await schemaVersion();
    mostAtOnce = 0;
    const [left, right] = await Promise.all([
      q('mutation { installModule(input: { name: "left" }) { state } }'),
      q('mutation { installModule(input: { name: "right" }) { state } }'),
    ]);
    expect([left.errors, right.errors]).toEqual([undefined, undefined]);
    // Both packages were being downloaded at once: the operations really ran side by side.
    expect(mostAtOnce).toBe(2);
    expect([left.data, right.data]).toEqual([{ installModule: { state: 'ENABLED' } }, { installModule: { state: 'ENABLED' } }]);
    expect((await q('{ left right }')).data).toEqual({ left: 'left!', right: 'right!' });
    expect(await schemaVersion()).toBe(before + 2);
    expect(await platform.store.collection('module_locks').countDocuments({})).toBe(0);
  });
});
