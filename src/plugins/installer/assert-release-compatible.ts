import semver from 'semver';
import { platformError } from '../../errors/index.js';
import type { CatalogVersion } from '../registry/index.js';
import type { ModuleRuntime } from '../runtime/index.js';

/**
 * Checked against the signed catalog before downloading anything: the platform version is in the
 * release's `core` range and each dependency is enabled in a version its range accepts.
 */
export function assertReleaseCompatible(runtime: ModuleRuntime, name: string, release: CatalogVersion, platformVersion: string): void {
  const problems: string[] = [];
  if (!semver.satisfies(platformVersion, release.core, { includePrerelease: true })) {
    problems.push(`it needs platform ${release.core}, this is ${platformVersion}`);
  }
  for (const [dependency, range] of Object.entries(release.dependencies)) {
    const info = runtime.get(dependency);
    if (!info?.installed || !info.version) problems.push(`${dependency} ${range} is not installed`);
    else if (!info.enabled) problems.push(`${dependency} is installed but disabled`);
    else if (!semver.satisfies(info.version, range, { includePrerelease: true }))
      problems.push(`${dependency} ${range} is needed, ${info.version} is enabled`);
  }
  if (problems.length > 0) {
    throw platformError('DEPENDENCY_UNSATISFIED', `Cannot install ${name}@${release.version}: ${problems.join('; ')}.`, {
      details: { module: name, problems },
    });
  }
}
