import semver from 'semver';
import type { DiscoveredModule } from '../discovery/index.js';
import { createPermissionRegistry, type PermissionChecks } from '../handle/index.js';
import type { ModuleInstance } from '../loader/index.js';
import type { InstalledModulePatch, InstalledModuleRecord, InstalledModulesRepository } from '../state/index.js';

/**
 * What the runtime holds, and the only code that changes it: the module files found, their
 * records in `installed_modules`, and the live instances with the permissions they registered.
 * Everyone else reads `ReadonlyMap`s and changes state through the named operations below.
 * Records are written to the store first and changed in memory only once the write succeeded, so
 * a refused write leaves memory as the store has it.
 */
export interface RuntimeState {
  /** Every module directory found, by name (several when versions/sources differ). */
  readonly found: ReadonlyMap<string, readonly DiscoveredModule[]>;
  /** The stored records, by name. */
  readonly records: ReadonlyMap<string, InstalledModuleRecord>;
  /** Live modules in load order (dependencies first). */
  readonly live: ReadonlyMap<string, ModuleInstance>;
  /** The permissions live modules registered: what module handles check. */
  readonly permissions: PermissionChecks;
  /** The files to load for `name`: the recorded version/source, else the newest install, else bundled. */
  pick(name: string): DiscoveredModule | undefined;
  /** Found on disk or recorded. */
  isKnown(name: string): boolean;
  /** After discovery: the module files on disk now, in discovery order, replace those found before. */
  replaceFound(found: readonly DiscoveredModule[]): void;
  /** After an uninstall deleted its files: forgets the installed versions of `name`, keeps bundled ones. */
  forgetInstalledFiles(name: string): void;
  /** Start-up: holds the stored records (replacing any held) and returns them. */
  loadRecords(): Promise<readonly InstalledModuleRecord[]>;
  /** Stores a new record (seeding on a first start), then holds it. */
  insertRecord(record: Omit<InstalledModuleRecord, '_id'>): Promise<InstalledModuleRecord>;
  /**
   * Persists `patch` to the record of `name`, then applies it in memory. A module found after
   * start has no record yet: one is created from its files (disabled unless `patch` says so,
   * `installedBy` = `createdBy`). Nothing happens for a name neither recorded nor found.
   */
  saveRecord(name: string, patch: InstalledModulePatch, createdBy?: string): Promise<void>;
  /** Deletes the record of `name` from the store, then from memory. */
  forgetRecord(name: string): Promise<void>;
  /** After activation succeeded: `instance` is live (last in load order) and its permissions count. */
  markLive(instance: ModuleInstance): void;
  /** `name` is no longer live; its permissions are held by nobody. */
  markStopped(name: string): void;
}

/** The read side of the state: what views and checks may see. */
export type RuntimeStateReader = Pick<RuntimeState, 'found' | 'records' | 'live' | 'permissions' | 'pick' | 'isKnown'>;

function newestFirst(a: DiscoveredModule, b: DiscoveredModule): number {
  if (a.source !== b.source) return a.source === 'REGISTRY' ? -1 : 1;
  return semver.rcompare(semver.valid(a.version) ?? '0.0.0', semver.valid(b.version) ?? '0.0.0');
}

/** The runtime's state over `installed` (the records' repository); empty until discovery and start-up fill it. */
export function createRuntimeState(installed: InstalledModulesRepository): RuntimeState {
  const found = new Map<string, DiscoveredModule[]>();
  const records = new Map<string, InstalledModuleRecord>();
  const live = new Map<string, ModuleInstance>();
  const permissions = createPermissionRegistry();

  const pick = (name: string) => {
    const candidates = [...(found.get(name) ?? [])].sort(newestFirst);
    const record = records.get(name);
    const recorded =
      record && candidates.find((c) => c.source === record.source && (record.version === null || c.version === record.version));
    return recorded ?? candidates[0];
  };

  const insertRecord = async (record: Omit<InstalledModuleRecord, '_id'>) => {
    const stored = await installed.insert(record);
    records.set(stored.name, stored);
    return stored;
  };

  return {
    found,
    records,
    live,
    permissions,
    pick,
    isKnown: (name) => found.has(name) || records.has(name),
    replaceFound(modules) {
      found.clear();
      for (const module of modules) found.set(module.name, [...(found.get(module.name) ?? []), module]);
    },
    forgetInstalledFiles(name) {
      const bundled = (found.get(name) ?? []).filter((f) => f.source === 'BUNDLED');
      if (bundled.length > 0) found.set(name, bundled);
      else found.delete(name);
    },
    async loadRecords() {
      const stored = await installed.list();
      records.clear();
      for (const record of stored) records.set(record.name, record);
      return stored;
    },
    insertRecord,
    async saveRecord(name, patch, createdBy = 'system') {
      const record = records.get(name);
      if (record) {
        await installed.update(name, patch);
        records.set(name, { ...record, ...patch });
        return;
      }
      const files = pick(name);
      if (!files) return;
      await insertRecord({
        name,
        version: files.version,
        source: files.source,
        enabled: false,
        installedAt: new Date(),
        installedBy: createdBy,
        lastLoadedAt: null,
        loadError: null,
        licenseKeyEncrypted: null,
        ...patch,
      });
    },
    async forgetRecord(name) {
      await installed.remove(name);
      records.delete(name);
    },
    markLive(instance) {
      live.set(instance.name, instance);
      permissions.register(instance.name, instance.manifest.permissions);
    },
    markStopped(name) {
      live.delete(name);
      permissions.unregister(name);
    },
  };
}
