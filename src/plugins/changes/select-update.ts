import semver from 'semver';
import type { UpdatePolicy } from './update-state-repository.js';

const within = (version: string, pin: string | null) => pin === null || semver.satisfies(version, pin, { includePrerelease: true });

const newestFirst = (versions: readonly string[]) => versions.filter((v) => semver.valid(v)).sort(semver.rcompare);

/**
 * `Module.updateAvailable`: the newest offered version above `current` (inside `pin` when one
 * is set), or null. Prereleases only when `current` is one.
 *
 * @example updateAvailable('1.2.0', ['1.2.1', '2.0.0'], null) // '2.0.0'
 */
export function updateAvailable(current: string | null, offered: readonly string[], pin: string | null): string | null {
  if (!current || !semver.valid(current)) return null;
  const candidates = newestFirst(offered).filter(
    (v) => semver.gt(v, current) && within(v, pin) && (semver.prerelease(v) === null || semver.prerelease(current) !== null),
  );
  return candidates[0] ?? null;
}

/**
 * The version an update policy lets the platform move to on its own: PATCH stays on
 * `major.minor`, MINOR on `major`, MANUAL never; always inside `pin`; never a prerelease.
 *
 * @example allowedUpdate('1.2.0', ['1.2.3', '1.3.0'], 'PATCH', null) // '1.2.3'
 */
export function allowedUpdate(current: string | null, offered: readonly string[], policy: UpdatePolicy, pin: string | null): string | null {
  if (policy === 'MANUAL' || !current || !semver.valid(current)) return null;
  const range = policy === 'PATCH' ? `~${semver.major(current)}.${semver.minor(current)}.0` : `^${semver.major(current)}.0.0`;
  const candidates = newestFirst(offered).filter(
    (v) => semver.gt(v, current) && semver.prerelease(v) === null && semver.satisfies(v, range) && within(v, pin),
  );
  return candidates[0] ?? null;
}
