import semver from 'semver';

/**
 * The version `latest` points to: the highest release, or the highest pre-release when there is
 * no release yet (so publishing 2.0.0-beta.1 after 1.4.0 leaves latest at 1.4.0).
 *
 * @example highestVersion(['1.10.0', '1.9.0', '2.0.0-rc.1']) // '1.10.0'
 */
export function highestVersion(versions: string[]): string | null {
  const sorted = [...versions].sort(semver.rcompare);
  return sorted.find((version) => semver.prerelease(version) === null) ?? sorted[0] ?? null;
}
