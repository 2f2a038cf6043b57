import { describe, expect, it } from 'vitest';
import type { DiscoveredModule } from '../discovery/index.js';
import { seedRecords } from './seed-records.js';

const found = (name: string, source: 'BUNDLED' | 'REGISTRY' = 'BUNDLED'): DiscoveredModule => ({
  name,
  version: '1.0.0',
  source,
  dir: `/m/${name}`,
  manifest: null,
  entryPath: null,
  loadError: null,
});
const now = new Date('2026-01-01T00:00:00Z');
const enabled = (records: ReturnType<typeof seedRecords>) => records.filter((r) => r.enabled).map((r) => r.name);

describe('seedRecords', () => {
  const all = [found('farm_manager'), found('inventory'), found('weather', 'REGISTRY')];

  it('enables every bundled module on a first start without ENABLED_MODULES', () => {
    expect(enabled(seedRecords(all, new Set(), { enabledModules: undefined, autoDiscover: true, firstStart: true, now }))).toEqual([
      'farm_manager',
      'inventory',
    ]);
  });

  it('enables exactly ENABLED_MODULES on a first start, and nothing when auto-discovery is off', () => {
    expect(enabled(seedRecords(all, new Set(), { enabledModules: ['inventory'], autoDiscover: true, firstStart: true, now }))).toEqual([
      'inventory',
    ]);
    expect(enabled(seedRecords(all, new Set(), { enabledModules: undefined, autoDiscover: false, firstStart: true, now }))).toEqual([]);
  });

  it('never touches existing records; later ENABLED_MODULES does not enable new modules', () => {
    const records = seedRecords(all, new Set(['farm_manager']), {
      enabledModules: ['inventory'],
      autoDiscover: true,
      firstStart: false,
      now,
    });
    expect(records.map((r) => [r.name, r.enabled])).toEqual([
      ['inventory', false],
      ['weather', false],
    ]);
  });
});
