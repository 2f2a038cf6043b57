export type YieldGroupBy = 'FARM' | 'BLOCK' | 'CROP';

/** One harvest as the report sees it. */
export interface YieldHarvest {
  farmId: string;
  blockId: string;
  plantId: string | null;
  quantityKg: number;
}

/** One crop cycle expected to be harvested within the range. */
export interface YieldExpectation {
  farmId: string;
  blockId: string;
  plantId: string | null;
  expectedKg: number;
}

export interface YieldRow {
  key: string;
  label: string;
  actualKg: number;
  expectedKg: number;
  varianceKg: number;
  achievedPercent: number | null;
  harvestCount: number;
}

const UNKNOWN_CROP = 'unknown';

function keyOf(item: { farmId: string; blockId: string; plantId: string | null }, groupBy: YieldGroupBy): string {
  if (groupBy === 'FARM') return item.farmId;
  if (groupBy === 'BLOCK') return item.blockId;
  return item.plantId ?? UNKNOWN_CROP;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Groups actual harvests and expected yields by farm, block or crop (pure). Rows are sorted by
 * actual yield, largest first; `achievedPercent` is null where nothing was expected.
 *
 * @example groupYield([{ farmId: 'f', blockId: 'b', plantId: 'p', quantityKg: 90 }],
 *   [{ farmId: 'f', blockId: 'b', plantId: 'p', expectedKg: 100 }], 'FARM', (k) => k)
 * // [{ key: 'f', actualKg: 90, expectedKg: 100, varianceKg: -10, achievedPercent: 90, ... }]
 */
export function groupYield(
  harvests: readonly YieldHarvest[],
  expectations: readonly YieldExpectation[],
  groupBy: YieldGroupBy,
  labelOf: (key: string) => string,
): YieldRow[] {
  const rows = new Map<string, { actualKg: number; expectedKg: number; harvestCount: number }>();
  const row = (key: string) => {
    const found = rows.get(key) ?? { actualKg: 0, expectedKg: 0, harvestCount: 0 };
    rows.set(key, found);
    return found;
  };
  for (const harvest of harvests) {
    const target = row(keyOf(harvest, groupBy));
    target.actualKg += harvest.quantityKg;
    target.harvestCount += 1;
  }
  for (const expectation of expectations) row(keyOf(expectation, groupBy)).expectedKg += expectation.expectedKg;
  return [...rows.entries()]
    .map(([key, totals]) => ({
      key,
      label: labelOf(key),
      actualKg: round(totals.actualKg),
      expectedKg: round(totals.expectedKg),
      varianceKg: round(totals.actualKg - totals.expectedKg),
      achievedPercent: totals.expectedKg > 0 ? round((totals.actualKg / totals.expectedKg) * 100, 1) : null,
      harvestCount: totals.harvestCount,
    }))
    .sort((a, b) => b.actualKg - a.actualKg || a.key.localeCompare(b.key));
}
