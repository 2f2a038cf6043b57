import type { DiscoveredModule, ModuleSource } from '../discovery/index.js';
import type { DependencyStatus } from '../graph/index.js';
import type { InstalledModuleRecord } from '../state/index.js';

export type ModuleState = 'AVAILABLE' | 'DISABLED' | 'ENABLED' | 'FAILED';
export type LicenseTypeName = 'PER_INSTALLATION' | 'PER_USER' | 'SUBSCRIPTION';

/** A module as admins see it: the `Module` GraphQL type of DESIGN.md (never a license key). */
export interface ModuleInfo {
  name: string;
  displayName: string;
  description: string;
  author: string | null;
  version: string | null;
  latestVersion: string | null;
  availableVersions: string[];
  source: ModuleSource;
  state: ModuleState;
  installed: boolean;
  enabled: boolean;
  licenseRequired: boolean;
  licenseType: LicenseTypeName | null;
  license: { state: 'NOT_REQUIRED' | 'MISSING'; licensee: null; expiresAt: null; seats: null; checkedAt: null } | null;
  dependencies: Array<Pick<DependencyStatus, 'name' | 'range' | 'satisfied'>>;
  permissions: string[];
  collections: string[];
  installedAt: Date | null;
  installedBy: string | null;
  lastLoadedAt: Date | null;
  loadError: string | null;
}

export interface ModuleInfoInput {
  name: string;
  found: DiscoveredModule | undefined;
  record: InstalledModuleRecord | undefined;
  live: boolean;
  dependencies: DependencyStatus[];
  /** Versions of this module present on disk. */
  versions: string[];
}

/** Builds the admin view of one module from its files, its record and whether it is live. */
export function toModuleInfo({ name, found, record, live, dependencies, versions }: ModuleInfoInput): ModuleInfo {
  const manifest = found?.manifest ?? null;
  const loadError = live ? null : (found?.loadError ?? record?.loadError ?? null);
  const licenseRequired = manifest?.license_required ?? false;
  return {
    name,
    displayName: manifest?.display_name ?? name,
    description: manifest?.description ?? '',
    author: manifest?.author ?? null,
    version: found?.version ?? record?.version ?? null,
    latestVersion: null,
    availableVersions: versions,
    source: found?.source ?? record?.source ?? 'BUNDLED',
    state: live ? 'ENABLED' : loadError ? 'FAILED' : 'DISABLED',
    installed: true,
    enabled: live,
    licenseRequired,
    licenseType: manifest?.license_type ? (manifest.license_type.toUpperCase() as LicenseTypeName) : null,
    // License checks apply to registry installs only; the license work fills VALID/EXPIRED/… later.
    license: {
      state: licenseRequired && found?.source === 'REGISTRY' ? 'MISSING' : 'NOT_REQUIRED',
      licensee: null,
      expiresAt: null,
      seats: null,
      checkedAt: null,
    },
    dependencies: dependencies.map(({ name: dependency, range, satisfied }) => ({ name: dependency, range, satisfied })),
    permissions: manifest?.permissions ?? [],
    collections: manifest?.database_collections ?? [],
    installedAt: record?.installedAt ?? null,
    installedBy: record?.installedBy ?? null,
    lastLoadedAt: record?.lastLoadedAt ?? null,
    loadError,
  };
}
