import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store.js';
import type { DocumentStore } from '../../store/types.js';
import type { DiscoveredModule } from '../discovery/index.js';
import type { ModuleInstance } from '../loader/index.js';
import { createInstalledModulesRepository, type InstalledModulesRepository } from '../state/index.js';
import { createRuntimeState } from './runtime-state.js';

const files = (name: string, version: string | null, source: DiscoveredModule['source']): DiscoveredModule => ({
  name,
  version,
  source,
  dir: `/modules/${name}/${version}`,
  manifest: null,
  entryPath: null,
  loadError: null,
});

/** Only what markLive reads; a real instance needs a built module on disk. */
const instance = (name: string, permissions: string[]) => ({ name, manifest: { permissions } }) as unknown as ModuleInstance;

const SUPER_ADMIN = { id: 'u1', email: 'root@example.test', role: 'SUPER_ADMIN' as const, permissions: [] };

describe('createRuntimeState', () => {
  let dir: string;
  let store: DocumentStore;
  let installed: InstalledModulesRepository;
  /** The real repository, except that its writes fail while `failing.writes` is set (a full disk, a lost primary). */
  const failing = { writes: false };
  const refuse = () => Promise.reject(new Error('the store refused the write (test)'));
  let flaky: InstalledModulesRepository;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'a64-runtime-state-'));
    store = await openStore({ dataDir: dir });
    installed = createInstalledModulesRepository(store);
    failing.writes = false;
    flaky = {
      ...installed,
      insert: (record) => (failing.writes ? refuse() : installed.insert(record)),
      update: (name, patch) => (failing.writes ? refuse() : installed.update(name, patch)),
      remove: (name) => (failing.writes ? refuse() : installed.remove(name)),
    };
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('persists a record before it changes memory: a refused write leaves memory as the store has it', async () => {
    const state = createRuntimeState(flaky);
    state.replaceFound([files('notes', '1.0.0', 'BUNDLED')]);
    await state.saveRecord('notes', { enabled: true });
    const saved = state.records.get('notes');

    failing.writes = true;
    await expect(state.saveRecord('notes', { enabled: false, loadError: 'boom' })).rejects.toThrow(/refused the write/);
    expect(state.records.get('notes')).toEqual(saved);
    await expect(state.forgetRecord('notes')).rejects.toThrow(/refused the write/);
    expect(state.records.get('notes')).toEqual(saved);

    state.replaceFound([files('notes', '1.0.0', 'BUNDLED'), files('weather', '2.0.0', 'REGISTRY')]);
    await expect(state.saveRecord('weather', { enabled: true })).rejects.toThrow(/refused the write/);
    expect(state.records.has('weather')).toBe(false);
    expect(await installed.get('weather')).toBeNull();
    expect(await installed.get('notes')).toMatchObject({ enabled: true, loadError: null });
  });

  it('creates the record of a module found after start from its files, installedBy the given actor', async () => {
    const state = createRuntimeState(flaky);
    state.replaceFound([files('weather', '1.0.0', 'REGISTRY'), files('weather', '2.0.0', 'REGISTRY')]);
    await state.saveRecord('weather', { enabled: true }, 'admin@example.test');
    const expected = { name: 'weather', version: '2.0.0', source: 'REGISTRY', enabled: true, installedBy: 'admin@example.test' };
    expect(state.records.get('weather')).toMatchObject(expected);
    expect(await installed.get('weather')).toMatchObject(expected);
    // Neither found nor recorded: nothing to create.
    await state.saveRecord('ghost', { enabled: true });
    expect(state.isKnown('ghost')).toBe(false);
  });

  it('picks the recorded version, else the newest install, else the bundled files', async () => {
    const state = createRuntimeState(flaky);
    state.replaceFound([files('notes', '1.0.0', 'BUNDLED'), files('notes', '1.2.0', 'REGISTRY'), files('notes', '1.10.0', 'REGISTRY')]);
    expect(state.pick('notes')).toMatchObject({ version: '1.10.0', source: 'REGISTRY' });
    await state.insertRecord(recordOf('notes', '1.2.0', 'REGISTRY'));
    expect(state.pick('notes')).toMatchObject({ version: '1.2.0' });
    state.forgetInstalledFiles('notes');
    expect(state.found.get('notes')).toEqual([files('notes', '1.0.0', 'BUNDLED')]);
    await state.forgetRecord('notes');
    expect(state.pick('notes')).toMatchObject({ version: '1.0.0', source: 'BUNDLED' });
    expect(await state.loadRecords()).toEqual([]);
  });

  it('marks modules live in load order, with their permissions held only while live', () => {
    const state = createRuntimeState(flaky);
    const { live } = state;
    state.markLive(instance('inventory', ['inventory.read']));
    state.markLive(instance('farm', ['farm.write']));
    expect([...live.keys()]).toEqual(['inventory', 'farm']);
    expect(state.permissions.holds(SUPER_ADMIN, 'farm.write')).toBe(true);
    state.markStopped('inventory');
    state.markLive(instance('inventory', ['inventory.read']));
    expect([...state.live.keys()]).toEqual(['farm', 'inventory']);
    state.markStopped('farm');
    expect(state.permissions.isRegistered('farm.write')).toBe(false);
    expect(state.permissions.isRegistered('inventory.read')).toBe(true);
    // Readers that kept the map see the change: module services read dependencies through it.
    expect(live).toBe(state.live);
  });

  function recordOf(name: string, version: string, source: DiscoveredModule['source']) {
    return {
      name,
      version,
      source,
      enabled: false,
      installedAt: new Date(),
      installedBy: 'system',
      lastLoadedAt: null,
      loadError: null,
      licenseKeyEncrypted: null,
    };
  }
});
