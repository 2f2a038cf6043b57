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

  /**
   * Holds `name`'s package download until `release()`: the operation stays busy (holding the
   * module's lock) exactly as long as the test needs, with no timers. `requested` resolves when
   * the platform asked for the package, i.e. the operation is running.
   */
  function heldPackage(name: string, version: string) {
    const url = `/${name}/${version}/${name}-${version}.tar.gz`;
    let requested!: () => void;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = {
      requested: new Promise<void>((resolve) => {
        requested = resolve;
      }),
      release,
    };
    registry.server.override(url, async (_request, response) => {
      requested();
      await gate;
      const bytes = await readFile(path.join(registry.dir, url));
      response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': bytes.length });
      response.end(bytes);
    });
    return held;
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
    const held = heldPackage('race', '1.0.0');
    const install = 'mutation { installModule(input: { name: "race", version: "1.0.0" }) { state version } }';
    const attempts = [q(install), q(install)];
    // One holds the lock (waiting for its download); the other is answered while it waits.
    await Promise.race(attempts);
    held.release();
    const results = await Promise.all(attempts);
    const outcomes = results.map((result) => (errorCode(result) as string) ?? 'ENABLED').sort();
    expect(outcomes).toEqual(['ENABLED', 'OPERATION_IN_PROGRESS']);
    const refused = results.find((result) => result.errors)!;
    expect(refused.errors?.[0]?.message).toMatch(/race is busy with install/);
    expect(await readdir(path.join(platform.dataDir, 'modules', 'race'))).toEqual(['1.0.0']);
    expect(await platform.store.collection('installed_modules').countDocuments({ name: 'race' })).toBe(1);
    expect((await q('{ race }')).data).toEqual({ race: 'race!' });
  });

  it('refuses an uninstall while an upgrade of the same module runs, and the upgrade completes', async () => {
    const held = heldPackage('race', '2.0.0');
    const upgrade = q<{ upgradeModule: { version: string } }>('mutation { upgradeModule(name: "race", version: "2.0.0") { version } }');
    await held.requested;
    const uninstall = await q('mutation { uninstallModule(name: "race") }');
    expect(errorCode(uninstall)).toBe('OPERATION_IN_PROGRESS');
    held.release();
    expect((await upgrade).data?.upgradeModule.version).toBe('2.0.0');
    expect((await q('{ race }')).data).toEqual({ race: 'race 2!' });
  });

  it('installs two different modules at the same time, both live', async () => {
    const heldLeft = heldPackage('left', '1.0.0');
    const heldRight = heldPackage('right', '1.0.0');
    const before = await schemaVersion();
    const installs = Promise.all([
      q('mutation { installModule(input: { name: "left" }) { state } }'),
      q('mutation { installModule(input: { name: "right" }) { state } }'),
    ]);
    // Both downloads are requested while neither is answered: the operations really run side by side.
    await Promise.all([heldLeft.requested, heldRight.requested]);
    heldLeft.release();
    heldRight.release();
    const [left, right] = await installs;
    expect([left.errors, right.errors]).toEqual([undefined, undefined]);
    expect([left.data, right.data]).toEqual([{ installModule: { state: 'ENABLED' } }, { installModule: { state: 'ENABLED' } }]);
    expect((await q('{ left right }')).data).toEqual({ left: 'left!', right: 'right!' });
    expect(await schemaVersion()).toBe(before + 2);
    expect(await platform.store.collection('module_locks').countDocuments({})).toBe(0);
  });
});
