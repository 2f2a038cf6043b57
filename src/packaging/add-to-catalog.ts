import semver from 'semver';
import type { Manifest } from '../plugins/manifest/index.js';
import type { Catalog, CatalogModule, CatalogVersion } from '../plugins/registry/index.js';
import { highestVersion } from './highest-version.js';

export interface CatalogUpdate {
  now: Date;
  /** Days until the new catalog expires; default 30 (docs/registry.md). */
  expiresInDays: number;
  /** The new catalog's version is at least this (keeps growing even if the registry dir was recreated). */
  minVersion?: number;
}

/** The catalog entry fields of one published version, exactly as docs/registry.md lists them. */
export function catalogVersionOf(manifest: Manifest, pkg: { sha256: string; size: number }): CatalogVersion {
  const { core = '*', ...dependencies } = manifest.dependencies;
  return {
    version: manifest.version,
    sha256: pkg.sha256,
    size: pkg.size,
    core,
    dependencies,
    licenseRequired: manifest.license_required,
    licenseType: manifest.license_type ?? null,
  };
}

/** The next catalog version and expiry: version + 1 (at least `minVersion`), expires now + N days. */
export function nextCatalogHeader(previous: Catalog | null, update: CatalogUpdate): Pick<Catalog, 'version' | 'expires'> {
  return {
    version: Math.max((previous?.version ?? 0) + 1, update.minVersion ?? 0),
    expires: new Date(update.now.getTime() + update.expiresInDays * 86_400_000).toISOString(),
  };
}

/**
 * A new catalog with `manifest`'s version added (replacing an entry of the same version). The
 * module's display fields follow its latest version; versions are listed newest first.
 */
export function addToCatalog(
  previous: Catalog | null,
  manifest: Manifest,
  pkg: { sha256: string; size: number },
  update: CatalogUpdate,
): Catalog {
  const modules = previous?.modules ?? [];
  const existing = modules.find((module) => module.name === manifest.module_name);
  const versions = [
    ...(existing?.versions ?? []).filter((entry) => entry.version !== manifest.version),
    catalogVersionOf(manifest, pkg),
  ].sort((a, b) => semver.rcompare(a.version, b.version));
  const latest = highestVersion(versions.map((entry) => entry.version))!;
  const describedByThis = !existing || latest === manifest.version;
  const module: CatalogModule = {
    name: manifest.module_name,
    displayName: describedByThis ? manifest.display_name : existing.displayName,
    description: describedByThis ? manifest.description : existing.description,
    author: describedByThis ? manifest.author : existing.author,
    latest,
    versions,
  };
  const others = modules.filter((entry) => entry.name !== manifest.module_name);
  return {
    ...nextCatalogHeader(previous, update),
    modules: [...others, module].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}
