import { badInput, fromField, type ModuleContext, withPermission } from 'a64-platform/sdk';
import { collections, type HarvestDoc, loaders } from './documents.js';
import { sumHarvests } from './harvest-totals.js';
import { DateRangeInput } from './inputs.js';
import { parseInput } from './parse-input.js';
import { recordHarvest } from './record-harvest.js';

type HarvestArgs = { blockId?: string | null; farmId?: string | null; from?: Date | null; to?: Date | null };

/** Harvest filter from query arguments; one of blockId/farmId is required so a list never spans every farm by accident. */
function harvestFilter(args: HarvestArgs): Record<string, unknown> {
  if (!args.blockId && !args.farmId) throw badInput('blockId', 'pass blockId or farmId');
  const filter: Record<string, unknown> = {};
  if (args.blockId) filter.blockId = args.blockId;
  if (args.farmId) filter.farmId = args.farmId;
  if (args.from || args.to) {
    const range = parseInput(DateRangeInput, { from: args.from ?? new Date(0), to: args.to ?? new Date(8.64e15) });
    filter.harvestedAt = { $gte: range.from.toISOString(), $lte: range.to.toISOString() };
  }
  return filter;
}

export const harvestQueries = {
  harvests: withPermission('farm.view', (_: unknown, args: HarvestArgs, { module }: ModuleContext) =>
    collections(module).harvests.find(harvestFilter(args), { sort: { harvestedAt: 1 }, readOnly: true }),
  ),
  harvestTotal: withPermission('farm.view', async (_: unknown, args: HarvestArgs, { module }: ModuleContext) =>
    sumHarvests(await collections(module).harvests.find(harvestFilter({ blockId: args.blockId, farmId: args.farmId }))),
  ),
};

export const harvestMutations = {
  recordHarvest: withPermission('farm.manage_blocks', (_: unknown, args: { input: unknown }, { module }: ModuleContext) =>
    recordHarvest(module, args.input, module.user?.email ?? null),
  ),
};

export const harvestFields = {
  id: fromField('_id'),
  block: (harvest: HarvestDoc, _: unknown, { module }: ModuleContext) => loaders(module).blockById().loadOne(harvest.blockId),
  plant: (harvest: HarvestDoc, _: unknown, { module }: ModuleContext) =>
    harvest.plantId ? loaders(module).plantById().loadOne(harvest.plantId) : null,
};

export const archiveFields = {
  id: fromField('_id'),
  plant: (archive: { plantId: string | null }, _: unknown, { module }: ModuleContext) =>
    archive.plantId ? loaders(module).plantById().loadOne(archive.plantId) : null,
};

export const archiveQueries = {
  blockArchives: withPermission(
    'farm.view',
    (_: unknown, args: { blockId?: string | null; farmId?: string | null }, { module }: ModuleContext) => {
      if (!args.blockId && !args.farmId) throw badInput('blockId', 'pass blockId or farmId');
      const filter = args.blockId ? { blockId: args.blockId } : { farmId: args.farmId };
      return collections(module).archives.find(filter, { sort: { archivedAt: 1 }, readOnly: true });
    },
  ),
};
