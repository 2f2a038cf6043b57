import semver from 'semver';
import { platformError } from '../../errors/index.js';
import type { Catalog, CatalogModule, CatalogVersion } from '../registry/index.js';

export interface SelectedRelease {
  module: CatalogModule;
  release: CatalogVersion;
}

/**
 * The catalog entry to install: `version`, or the module's `latest` when omitted.
 * Throws MODULE_NOT_FOUND / VERSION_NOT_FOUND naming what exists instead.
 */
export function selectRelease(catalog: Catalog, name: string, version?: string | null): SelectedRelease {
  const module = catalog.modules.find((candidate) => candidate.name === name);
  if (!module) {
    throw platformError('MODULE_NOT_FOUND', `The registry has no module named "${name}". Check the name with the modules query.`, {
      details: { module: name },
    });
  }
  const wanted = version ?? module.latest;
  if (version && !semver.valid(version)) {
    throw platformError('BAD_USER_INPUT', `Invalid version: "${version}" is not a semver version like 1.2.3.`, {
      details: { field: 'version' },
    });
  }
  const release = module.versions.find((candidate) => candidate.version === wanted);
  if (!release) {
    const offered = module.versions.map((candidate) => candidate.version).sort(semver.rcompare);
    throw platformError('VERSION_NOT_FOUND', `The registry has no version ${wanted} of ${name}; it offers ${offered.join(', ')}.`, {
      details: { module: name, version: wanted },
    });
  }
  return { module, release };
}
