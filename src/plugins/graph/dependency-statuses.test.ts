import { describe, expect, it } from 'vitest';
import { dependencyStatuses } from './dependency-statuses.js';

const modules: Record<string, { version: string; enabled: boolean }> = {
  farm_manager: { version: '1.8.0', enabled: true },
  animal_manager: { version: '0.9.0', enabled: true },
  inventory: { version: '2.0.0', enabled: false },
};

describe('dependencyStatuses', () => {
  it('checks core and each module, saying why an unmet one fails', () => {
    const statuses = dependencyStatuses(
      { dependencies: { core: '>=1.0.0', farm_manager: '^1.2.0', animal_manager: '^1.0.0', inventory: '^2.0.0', weather: '*' } },
      '1.0.0',
      (name) => modules[name],
    );
    expect(statuses.map((s) => [s.name, s.satisfied, s.problem])).toEqual([
      ['core', true, null],
      ['farm_manager', true, null],
      ['animal_manager', false, 'animal_manager ^1.0.0: version 0.9.0 is installed'],
      ['inventory', false, 'inventory ^2.0.0: installed but not enabled; enable it first'],
      ['weather', false, 'weather *: not installed'],
    ]);
  });

  it('accepts prerelease platform versions within a range', () => {
    const [core] = dependencyStatuses({ dependencies: { core: '>=1.0.0' } }, '1.1.0-rc.1', () => undefined);
    expect(core!.satisfied).toBe(true);
    const [tooOld] = dependencyStatuses({ dependencies: { core: '>=2.0.0' } }, '1.9.0', () => undefined);
    expect(tooOld!.problem).toBe('core >=2.0.0: the platform is version 1.9.0');
  });
});
