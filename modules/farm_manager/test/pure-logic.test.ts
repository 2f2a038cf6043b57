import { describe, expect, it } from 'vitest';
import { evaluateAlertRules } from '../src/alert-rules.js';
import { assertTransition, canTransition } from '../src/block-states.js';
import { decodeCursor, encodeCursor } from '../src/cursor.js';
import type { BlockDoc } from '../src/documents.js';
import { groupYield } from '../src/yield-math.js';

describe('block state transitions', () => {
  it('follows the crop cycle and refuses skips, naming the allowed next states', () => {
    expect(canTransition('EMPTY', 'PLANTED')).toBe(true);
    expect(canTransition('PLANTED', 'GROWING')).toBe(true);
    expect(canTransition('GROWING', 'HARVESTING')).toBe(true);
    expect(canTransition('HARVESTING', 'FALLOW')).toBe(true);
    expect(canTransition('EMPTY', 'HARVESTING')).toBe(false);
    expect(canTransition('HARVESTING', 'PLANTED')).toBe(false);
    expect(() => assertTransition('EMPTY', 'GROWING')).toThrow(/from EMPTY it can go to PLANTED/);
    expect(() => assertTransition('FALLOW', 'GROWING')).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'state' } }),
    );
  });
});

const day = 86_400_000;
const now = new Date('2026-06-01T12:00:00Z');
function block(overrides: Partial<BlockDoc>): BlockDoc {
  return {
    _id: 'b1',
    farmId: 'f1',
    name: 'North',
    areaHectares: 1,
    state: 'GROWING',
    plantId: 'p1',
    plantingDate: null,
    expectedHarvestDate: null,
    stateChangedAt: now.toISOString(),
    cycle: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    ...overrides,
  };
}

describe('alert rules', () => {
  it('raises HARVEST_OVERDUE after the grace period, CRITICAL when long overdue', () => {
    const late = (days: number) => block({ expectedHarvestDate: new Date(now.getTime() - days * day).toISOString() });
    expect(evaluateAlertRules([late(1)], now)).toEqual([]);
    expect(evaluateAlertRules([late(3)], now)).toMatchObject([
      { type: 'HARVEST_OVERDUE', severity: 'WARNING', ruleKey: 'HARVEST_OVERDUE:b1:1' },
    ]);
    expect(evaluateAlertRules([late(20)], now)[0]?.severity).toBe('CRITICAL');
    // A block already being harvested is not overdue.
    expect(evaluateAlertRules([{ ...late(20), state: 'HARVESTING' }], now)).toEqual([]);
  });

  it('raises BLOCK_IDLE for empty blocks unused for 30 days, keyed by the idle spell', () => {
    const idleSince = new Date(now.getTime() - 31 * day).toISOString();
    const candidates = evaluateAlertRules([block({ state: 'EMPTY', plantId: null, stateChangedAt: idleSince })], now);
    expect(candidates).toMatchObject([{ type: 'BLOCK_IDLE', severity: 'INFO', ruleKey: `BLOCK_IDLE:b1:${idleSince}` }]);
    expect(evaluateAlertRules([block({ state: 'EMPTY', stateChangedAt: new Date(now.getTime() - 5 * day).toISOString() })], now)).toEqual(
      [],
    );
  });
});

describe('yield grouping', () => {
  const harvests = [
    { farmId: 'f1', blockId: 'b1', plantId: 'tomato', quantityKg: 500 },
    { farmId: 'f1', blockId: 'b1', plantId: 'tomato', quantityKg: 250.5 },
    { farmId: 'f2', blockId: 'b2', plantId: 'lettuce', quantityKg: 100 },
  ];
  const expectations = [
    { farmId: 'f1', blockId: 'b1', plantId: 'tomato', expectedKg: 1000 },
    { farmId: 'f2', blockId: 'b3', plantId: 'lettuce', expectedKg: 400 },
  ];

  it('compares actual with expected per farm', () => {
    const rows = groupYield(harvests, expectations, 'FARM', (key) => `farm ${key}`);
    expect(rows).toEqual([
      { key: 'f1', label: 'farm f1', actualKg: 750.5, expectedKg: 1000, varianceKg: -249.5, achievedPercent: 75.1, harvestCount: 2 },
      { key: 'f2', label: 'farm f2', actualKg: 100, expectedKg: 400, varianceKg: -300, achievedPercent: 25, harvestCount: 1 },
    ]);
  });

  it('gives blocks with nothing expected a null achievement', () => {
    const rows = groupYield(harvests, expectations, 'BLOCK', (key) => key);
    expect(rows.find((row) => row.key === 'b2')).toMatchObject({ actualKg: 100, expectedKg: 0, achievedPercent: null });
    expect(rows.find((row) => row.key === 'b3')).toMatchObject({ actualKg: 0, expectedKg: 400, achievedPercent: 0 });
  });
});

describe('cursor', () => {
  it('round-trips and refuses foreign cursors with BAD_USER_INPUT on after', () => {
    const position = { createdAt: '2026-01-01T00:00:00.000Z', id: 'abc' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(() => decodeCursor('not-a-cursor')).toThrow(/Invalid after/);
  });
});
