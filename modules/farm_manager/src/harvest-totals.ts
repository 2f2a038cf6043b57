import type { HarvestDoc } from './documents.js';

export interface HarvestTotal {
  quantityKg: number;
  count: number;
}

/** Sums harvest quantities; rounds to grams so float noise never reaches clients. */
export function sumHarvests(harvests: ReadonlyArray<Pick<HarvestDoc, 'quantityKg'>>): HarvestTotal {
  const quantityKg = harvests.reduce((sum, harvest) => sum + harvest.quantityKg, 0);
  return { quantityKg: Math.round(quantityKg * 1000) / 1000, count: harvests.length };
}
