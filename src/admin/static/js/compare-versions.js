/**
 * Semver ordering, enough for "is an update available": numeric major.minor.patch, and a
 * prerelease sorts before its release (1.2.0-beta.1 < 1.2.0). Build metadata is ignored.
 * @param {string} a @param {string} b @returns {number} negative, 0 or positive
 */
export function compareVersions(a, b) {
  const [coreA, preA] = split(a);
  const [coreB, preB] = split(b);
  for (let i = 0; i < 3; i += 1) {
    const diff = (coreA[i] ?? 0) - (coreB[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (preA === preB) return 0;
  if (!preA) return 1;
  if (!preB) return -1;
  return comparePrerelease(preA, preB);
}

/** @param {string|null|undefined} current @param {string|null|undefined} latest */
export function isUpdateAvailable(current, latest) {
  return Boolean(current && latest && compareVersions(latest, current) > 0);
}

/** @param {string} version @returns {[number[], string]} */
function split(version) {
  const clean = version.trim().replace(/^v/, '').split('+')[0] ?? '';
  const dash = clean.indexOf('-');
  const core = dash === -1 ? clean : clean.slice(0, dash);
  const pre = dash === -1 ? '' : clean.slice(dash + 1);
  return [core.split('.').map((part) => Number.parseInt(part, 10) || 0), pre];
}

/** @param {string} a @param {string} b */
function comparePrerelease(a, b) {
  const partsA = a.split('.');
  const partsB = b.split('.');
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i += 1) {
    const x = partsA[i];
    const y = partsB[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : Number.NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : Number.NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) {
      if (nx !== ny) return nx - ny;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}
