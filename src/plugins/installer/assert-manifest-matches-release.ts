import { platformError } from '../../errors/index.js';
import type { Manifest } from '../manifest/index.js';
import type { CatalogVersion } from '../registry/index.js';

/**
 * The package must be what the signed catalog says it is: same name, version, license terms and
 * dependencies. A mismatch means the package and the catalog disagree → PACKAGE_INVALID.
 */
export function assertManifestMatchesRelease(manifest: Manifest, name: string, release: CatalogVersion): void {
  const problems: string[] = [];
  if (manifest.module_name !== name) problems.push(`its manifest names module "${manifest.module_name}", the catalog "${name}"`);
  if (manifest.version !== release.version) problems.push(`its manifest says version ${manifest.version}, the catalog ${release.version}`);
  if (manifest.license_required !== release.licenseRequired) problems.push('license_required differs from the catalog');
  const { core: _core, ...moduleDependencies } = manifest.dependencies;
  const catalogDependencies = release.dependencies;
  const sameDependencies =
    Object.keys(moduleDependencies).length === Object.keys(catalogDependencies).length &&
    Object.entries(moduleDependencies).every(([dependency, range]) => catalogDependencies[dependency] === range);
  if (!sameDependencies) problems.push('its dependencies differ from the catalog');
  if (problems.length > 0) {
    throw platformError(
      'PACKAGE_INVALID',
      `The package of ${name}@${release.version} does not match the signed catalog: ${problems.join('; ')}.`,
      {
        details: { module: name, version: release.version },
      },
    );
  }
}
