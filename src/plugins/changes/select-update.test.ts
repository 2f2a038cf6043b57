import { describe, expect, it } from 'vitest';
import { allowedUpdate, updateAvailable } from './select-update.js';

describe('update selection', () => {
  const offered = ['1.0.0', '1.0.1', '1.0.2', '1.1.0', '1.2.0-beta.1', '2.0.0'];

  it('PATCH stays on major.minor, MINOR on major, MANUAL never moves', () => {
    expect(allowedUpdate('1.0.0', offered, 'PATCH', null)).toBe('1.0.2');
    expect(allowedUpdate('1.0.0', offered, 'MINOR', null)).toBe('1.1.0');
    expect(allowedUpdate('1.0.0', offered, 'MANUAL', null)).toBeNull();
    expect(allowedUpdate('2.0.0', offered, 'MINOR', null)).toBeNull();
  });

  it('a pin bounds automatic updates and updateAvailable', () => {
    expect(allowedUpdate('1.0.0', offered, 'MINOR', '<1.1.0')).toBe('1.0.2');
    expect(allowedUpdate('1.0.0', offered, 'PATCH', '1.0.1')).toBe('1.0.1');
    expect(updateAvailable('1.0.0', offered, '^1.0.0')).toBe('1.1.0');
  });

  it('updateAvailable is the newest newer release, semver-ordered, not a prerelease from a release', () => {
    expect(updateAvailable('1.0.0', offered, null)).toBe('2.0.0');
    expect(updateAvailable('1.10.0', ['1.9.0', '1.10.0'], null)).toBeNull();
    expect(updateAvailable('1.2.0-beta.0', ['1.2.0-beta.1'], null)).toBe('1.2.0-beta.1');
    expect(updateAvailable(null, offered, null)).toBeNull();
  });
});
