import semver from 'semver';
import type { Manifest } from '../manifest/index.js';

/** What the platform knows about another module when checking a dependency on it. */
export interface DependencyTarget {
  version: string | null;
  enabled: boolean;
}

export interface DependencyStatus {
  name: string;
  range: string;
  satisfied: boolean;
  /** Why not, for people: `animal_manager ^1.0.0: not installed`. */
  problem: string | null;
}

function satisfies(version: string, range: string): boolean {
  return semver.satisfies(version, range, { includePrerelease: true });
}

/**
 * Checks every `dependencies` entry of a manifest: `core` against the platform version, other
 * names against the enabled modules. Returns one status per dependency, in manifest order.
 */
export function dependencyStatuses(
  manifest: Pick<Manifest, 'dependencies'>,
  platformVersion: string,
  lookup: (name: string) => DependencyTarget | undefined,
): DependencyStatus[] {
  return Object.entries(manifest.dependencies).map(([name, range]) => {
    const status = (problem: string | null): DependencyStatus => ({ name, range, satisfied: problem === null, problem });
    if (name === 'core') {
      return status(satisfies(platformVersion, range) ? null : `core ${range}: the platform is version ${platformVersion}`);
    }
    const target = lookup(name);
    if (!target || target.version === null) return status(`${name} ${range}: not installed`);
    if (!satisfies(target.version, range)) return status(`${name} ${range}: version ${target.version} is installed`);
    if (!target.enabled) return status(`${name} ${range}: installed but not enabled; enable it first`);
    return status(null);
  });
}
