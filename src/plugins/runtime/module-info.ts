import semver from 'semver';
import type { DiscoveredModule, ModuleSource } from '../discovery/index.js';
import type { DependencyStatus } from '../graph/index.js';
import type { InstalledModuleRecord } from '../state/index.js';

export type ModuleState = 'AVAILABLE' | 'DISABLED' | 'ENABLED' | 'FAILED';
export type LicenseTypeName = 'PER_INSTALLATION' | 'PER_USER' | 'SUBSCRIPTION';

/** `LicenseStatus` of DESIGN.md: what is known about a module's license, never the key. */
export interface LicenseStatusView {
  state: 'VALID' | 'EXPIRED' | 'REVOKED' | 'INVALID' | 'MISSING' | 'NOT_REQUIRED';
  licensee: string | null;
  expiresAt: Date | null;
  seats: number | null;
  checkedAt: Date | null;
}

/** What the registry catalog says about a module (from the last good catalog). */
export interface RegistryModuleView {
  name: string;
  displayName: string;
  description: string;
  author: string | null;
  latestVersion: string;
  availableVersions: string[];
  licenseRequired: boolean;
  licenseType: 'per_installation' | 'per_user' | 'subscription' | null;
  /** The latest release's `core` range and module dependencies, in manifest shape (`{ core, … }`). */
  dependencies: Record<string, string>;
}

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
  license: LicenseStatusView | null;
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
  registry: RegistryModuleView | undefined;
  /** From the license work; default MISSING for registry modules that need one, else NOT_REQUIRED. */
  license: LicenseStatusView | null | undefined;
}

const newestFirst = (a: string, b: string) => semver.rcompare(semver.valid(a) ?? '0.0.0', semver.valid(b) ?? '0.0.0');

const upper = (type: RegistryModuleView['licenseType'] | undefined) => (type ? (type.toUpperCase() as LicenseTypeName) : null);

function defaultLicense(required: boolean): LicenseStatusView {
  return { state: required ? 'MISSING' : 'NOT_REQUIRED', licensee: null, expiresAt: null, seats: null, checkedAt: null };
}

/**
 * A module only the registry offers: AVAILABLE, not installed. `dependencies` are the latest
 * release's, checked against what is installed now, so an admin sees what an install needs.
 */
export function toAvailableModuleInfo(registry: RegistryModuleView, dependencies: DependencyStatus[]): ModuleInfo {
  return {
    name: registry.name,
    displayName: registry.displayName,
    description: registry.description,
    author: registry.author,
    version: null,
    latestVersion: registry.latestVersion,
    availableVersions: registry.availableVersions,
    source: 'REGISTRY',
    state: 'AVAILABLE',
    installed: false,
    enabled: false,
    licenseRequired: registry.licenseRequired,
    licenseType: upper(registry.licenseType),
    license: null,
    dependencies: dependencies.map(({ name, range, satisfied }) => ({ name, range, satisfied })),
    permissions: [],
    collections: [],
    installedAt: null,
    installedBy: null,
    lastLoadedAt: null,
    loadError: null,
  };
}

/** Builds the admin view of one module from its files, its record and whether it is live. */
export function toModuleInfo({ name, found, record, live, dependencies, versions, registry, license }: ModuleInfoInput): ModuleInfo {
  const manifest = found?.manifest ?? null;
  const loadError = live ? null : (found?.loadError ?? record?.loadError ?? null);
  const licenseRequired = manifest?.license_required ?? false;
  return {
    name,
    displayName: manifest?.display_name ?? name,
    description: manifest?.description ?? '',
    author: manifest?.author ?? null,
    version: found?.version ?? record?.version ?? null,
    latestVersion: registry?.latestVersion ?? null,
    // Newest first (semver), registry and disk together: the admin page relies on the order.
    availableVersions: [...new Set([...(registry?.availableVersions ?? []), ...versions])].sort(newestFirst),
    source: found?.source ?? record?.source ?? 'BUNDLED',
    state: live ? 'ENABLED' : loadError ? 'FAILED' : 'DISABLED',
    installed: true,
    enabled: live,
    licenseRequired,
    licenseType: upper(manifest?.license_type),
    // License checks apply to registry installs only (DESIGN.md "Bundling").
    license: license === undefined ? defaultLicense(licenseRequired && found?.source === 'REGISTRY') : license,
    dependencies: dependencies.map(({ name: dependency, range, satisfied }) => ({ name: dependency, range, satisfied })),
    permissions: manifest?.permissions ?? [],
    collections: manifest?.database_collections ?? [],
    installedAt: record?.installedAt ?? null,
    installedBy: record?.installedBy ?? null,
    lastLoadedAt: record?.lastLoadedAt ?? null,
    loadError,
  };
}
