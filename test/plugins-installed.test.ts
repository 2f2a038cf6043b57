import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlatformError } from '../src/errors/index.js';
import { FIXTURES, type RuntimeServer, startRuntimeServer } from './fixtures/runtime/runtime-server.js';

const weatherState = () => (globalThis as { __a64WeatherFixture?: { disposed: string[] } }).__a64WeatherFixture!;
type Weather = { weather: { version: string; readings: number; forecast?: string } };

describe('registry-installed modules: install, upgrade, uninstall through the runtime hooks', () => {
  let server: RuntimeServer;
  let admin: string;
  const place = (version: string) =>
    cp(path.join(FIXTURES, 'installed', `weather-${version}`), path.join(server.dataDir, 'modules', 'weather', version), {
      recursive: true,
    });
  const version = async () =>
    (await server.gql<{ platform: { schemaVersion: number } }>('{ platform { schemaVersion } }')).data!.platform.schemaVersion;

  beforeAll(async () => {
    server = await startRuntimeServer({ modules: ['counter'] });
    admin = await server.adminToken();
  });
  afterAll(() => server.destroy());

  it('installs: the new files go live, recorded as REGISTRY and installed by the actor', async () => {
    await place('1.0.0');
    const info = await server.runtime.activateInstalled('weather', '1.0.0', { actor: 'root@example.test' });
    expect(info).toMatchObject({
      name: 'weather',
      version: '1.0.0',
      source: 'REGISTRY',
      state: 'ENABLED',
      installedBy: 'root@example.test',
    });
    const first = await server.gql<Weather>('{ weather { version readings } }', {}, admin);
    expect(first.errors).toBeUndefined();
    expect(first.data).toEqual({ weather: { version: '1.0.0', readings: 1 } });
  });

  it('upgrades in place: new code and migrations run, the old version is disposed', async () => {
    await place('2.0.0');
    await server.runtime.activateInstalled('weather', '2.0.0', { actor: 'root@example.test' });
    // The very query that ran on 1.0.0: a cached compiled query must not run the old resolvers.
    expect((await server.gql<Weather>('{ weather { version readings } }', {}, admin)).data).toEqual({
      weather: { version: '2.0.0', readings: 2 },
    });
    const result = await server.gql<Weather>('{ weather { version readings forecast } }', {}, admin);
    expect(result.data).toEqual({ weather: { version: '2.0.0', readings: 2, forecast: 'rain' } });
    expect(weatherState().disposed).toEqual(['1.0.0']);
    expect(server.runtime.get('weather')).toMatchObject({
      version: '2.0.0',
      installedBy: 'root@example.test',
      availableVersions: ['2.0.0', '1.0.0'],
    });
  });

  it('keeps the running version when an upgrade fails to start', async () => {
    await place('3.0.0');
    const before = await version();
    await expect(server.runtime.activateInstalled('weather', '3.0.0', { actor: 'root@example.test' })).rejects.toSatisfy(
      (error) => isPlatformError(error, 'MODULE_LOAD_FAILED') && (error as Error).message.includes('3.0.0 cannot start'),
    );
    expect(await version()).toBe(before);
    expect((await server.gql<Weather>('{ weather { version forecast } }', {}, admin)).data).toEqual({
      weather: { version: '2.0.0', forecast: 'rain' },
    });
    expect(server.runtime.get('weather')).toMatchObject({ version: '2.0.0', state: 'ENABLED' });
  });

  it('restarts on the recorded installed version', async () => {
    await server.stop();
    server = await startRuntimeServer({ dataDir: server.dataDir, bundledDir: server.bundledDir });
    admin = await server.adminToken();
    expect((await server.gql<Weather>('{ weather { version } }', {}, admin)).data).toEqual({ weather: { version: '2.0.0' } });
  });

  it('uninstalls with dropData: fields, record and data are gone; bundled modules refuse', async () => {
    await expect(server.runtime.remove('counter')).rejects.toSatisfy((error) => isPlatformError(error, 'BAD_USER_INPUT'));
    await server.runtime.remove('weather', { dropData: true });
    expect((await server.gql('{ weather { version } }', {}, admin)).errors![0]!.message).toMatch(/Cannot query field "weather"/);
    expect(server.runtime.get('weather')).toBeNull();
    expect(await server.store.collection('weather_readings').countDocuments({})).toBe(0);
    expect(await server.store.collection('installed_modules').findOne({ _id: 'weather' })).toBeNull();
  });
});
