import type { DiscoveredModule } from '../discovery/index.js';
import type { InstalledModuleRecord } from './installed-module-record.js';

export interface SeedOptions {
  /** `ENABLED_MODULES`, when set. */
  enabledModules: readonly string[] | undefined;
  /** `AUTO_DISCOVER_MODULES`. */
  autoDiscover: boolean;
  /** True when `installed_modules` was empty (first start). */
  firstStart: boolean;
  now: Date;
}

/**
 * Records for discovered modules that have none yet. On a first start `ENABLED_MODULES` decides
 * which are enabled (else every bundled module when AUTO_DISCOVER_MODULES); a module that appears
 * later (a new bundled module after an upgrade) is enabled only when auto-discovery is on and
 * ENABLED_MODULES is unset. Existing records are never touched: a restart restores them exactly.
 */
export function seedRecords(
  discovered: readonly DiscoveredModule[],
  existing: ReadonlySet<string>,
  options: SeedOptions,
): Array<Omit<InstalledModuleRecord, '_id'>> {
  const seeded = new Map<string, Omit<InstalledModuleRecord, '_id'>>();
  for (const module of discovered) {
    if (existing.has(module.name) || seeded.has(module.name)) continue;
    const enabled = options.enabledModules
      ? options.firstStart && options.enabledModules.includes(module.name)
      : options.autoDiscover && module.source === 'BUNDLED';
    seeded.set(module.name, {
      name: module.name,
      version: module.version,
      source: module.source,
      enabled,
      installedAt: options.now,
      installedBy: 'system',
      lastLoadedAt: null,
      loadError: null,
      licenseKeyEncrypted: null,
    });
  }
  return [...seeded.values()];
}
