import { type ModuleContext, type ModuleHandle, withPermission } from 'a64-platform/sdk';
import { collections } from './documents.js';
import { YieldAnalyticsInput } from './inputs.js';
import { expectedYieldKg } from './lookups.js';
import { parseInput } from './parse-input.js';
import { groupYield, type YieldExpectation } from './yield-math.js';

/** Cycles whose expected harvest date falls in the range: archived ones and those still in the field. */
async function expectationsIn(
  handle: ModuleHandle,
  range: Record<string, unknown>,
  scope: Record<string, unknown>,
): Promise<YieldExpectation[]> {
  const { archives, blocks, plants } = collections(handle);
  const archived = await archives.find({ ...scope, expectedHarvestDate: range });
  const current = await blocks.find({ ...scope, expectedHarvestDate: range, plantId: { $ne: null } });
  const plantById = new Map((await plants.find({})).map((plant) => [plant._id, plant]));
  return [
    ...archived.map((a) => ({ farmId: a.farmId, blockId: a.blockId, plantId: a.plantId, expectedKg: a.expectedYieldKg })),
    ...current.map((b) => ({
      farmId: b.farmId,
      blockId: b._id,
      plantId: b.plantId,
      expectedKg: expectedYieldKg(b, plantById.get(b.plantId ?? '') ?? null) ?? 0,
    })),
  ];
}

async function labeller(handle: ModuleHandle, groupBy: 'FARM' | 'BLOCK' | 'CROP'): Promise<(key: string) => string> {
  const { blocks, farms, plants } = collections(handle);
  const names = new Map<string, string>();
  if (groupBy === 'FARM') for (const farm of await farms.find({})) names.set(farm._id, farm.name);
  if (groupBy === 'BLOCK') for (const block of await blocks.find({})) names.set(block._id, block.name);
  if (groupBy === 'CROP') for (const plant of await plants.find({})) names.set(plant._id, `${plant.cropName} (${plant.variety})`);
  return (key) => names.get(key) ?? key;
}

async function yieldAnalytics(_: unknown, args: { input: unknown }, { module }: ModuleContext) {
  const input = parseInput(YieldAnalyticsInput, args.input);
  const range = { $gte: input.from.toISOString(), $lte: input.to.toISOString() };
  const scope = input.farmId ? { farmId: input.farmId } : {};
  const harvests = await collections(module).harvests.find({ ...scope, harvestedAt: range });
  const expectations = await expectationsIn(module, range, scope);
  const rows = groupYield(harvests, expectations, input.groupBy, await labeller(module, input.groupBy));
  const total = (pick: (row: (typeof rows)[number]) => number) => Math.round(rows.reduce((sum, row) => sum + pick(row), 0) * 1000) / 1000;
  return {
    from: input.from,
    to: input.to,
    groupBy: input.groupBy,
    rows,
    totalActualKg: total((row) => row.actualKg),
    totalExpectedKg: total((row) => row.expectedKg),
  };
}

export const analyticsQueries = { yieldAnalytics: withPermission('farm.view_analytics', yieldAnalytics) };
