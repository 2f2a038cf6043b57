import { badInput, fromField, type ModuleContext, type ModuleHandle, withPermission } from 'a64-platform/sdk';
import { ARCHIVABLE_STATES, assertTransition, BLOCK_TRANSITIONS } from './block-states.js';
import { type BlockDoc, collections, loaders } from './documents.js';
import { sumHarvests } from './harvest-totals.js';
import { ChangeBlockStateInput, CreateBlockInput, UpdateBlockInput } from './inputs.js';
import { expectedYieldKg, nowIso, requireBlock, requireFarm, requirePlant } from './lookups.js';
import { parseInput } from './parse-input.js';

const DAY_MS = 86_400_000;

async function assertAreaFits(handle: ModuleHandle, farmId: string, areaHectares: number, exceptBlockId?: string): Promise<void> {
  const farm = await requireFarm(handle, farmId);
  const others = await collections(handle).blocks.find({ farmId, ...(exceptBlockId ? { _id: { $ne: exceptBlockId } } : {}) });
  const used = others.reduce((sum, block) => sum + block.areaHectares, 0);
  if (used + areaHectares > farm.areaHectares + 1e-9) {
    const free = Math.max(0, farm.areaHectares - used);
    throw badInput('areaHectares', `the farm has ${free} ha not yet in blocks (of ${farm.areaHectares} ha); use a smaller area`);
  }
}

async function createBlock(_: unknown, args: { input: unknown }, { module }: ModuleContext) {
  const input = parseInput(CreateBlockInput, args.input);
  await assertAreaFits(module, input.farmId, input.areaHectares);
  const now = nowIso();
  return collections(module).blocks.insertOne({
    farmId: input.farmId,
    name: input.name,
    areaHectares: input.areaHectares,
    notes: input.notes ?? null,
    state: 'EMPTY',
    plantId: null,
    plantingDate: null,
    expectedHarvestDate: null,
    stateChangedAt: now,
    cycle: 1,
    createdAt: now,
    updatedAt: now,
  });
}

async function updateBlock(_: unknown, args: { id: string; input: unknown }, { module }: ModuleContext) {
  const input = parseInput(UpdateBlockInput, args.input);
  const block = await requireBlock(module, args.id, 'id');
  if (input.areaHectares !== undefined) await assertAreaFits(module, block.farmId, input.areaHectares, block._id);
  const set: Record<string, unknown> = { updatedAt: nowIso() };
  for (const [key, value] of Object.entries(input)) if (value !== undefined) set[key] = value;
  return collections(module).blocks.findOneAndUpdate({ _id: block._id }, { $set: set }, { returnDocument: 'after' });
}

/** The fields a planting sets: plant, planting date and the expected harvest date. */
async function plantingFields(handle: ModuleHandle, input: ChangeBlockStateInput): Promise<Partial<BlockDoc>> {
  if (!input.plantId) throw badInput('plantId', 'is required when planting a block (state PLANTED)');
  const plant = await requirePlant(handle, input.plantId);
  const plantingDate = input.plantingDate ?? new Date();
  const expected = input.expectedHarvestDate ?? new Date(plantingDate.getTime() + plant.daysToMaturity * DAY_MS);
  if (expected.getTime() < plantingDate.getTime()) throw badInput('expectedHarvestDate', 'must not be before plantingDate');
  return { plantId: plant._id, plantingDate: plantingDate.toISOString(), expectedHarvestDate: expected.toISOString() };
}

async function changeState(_: unknown, args: { id: string; input: unknown }, { module }: ModuleContext) {
  const input = parseInput(ChangeBlockStateInput, args.input);
  const block = await requireBlock(module, args.id, 'id');
  assertTransition(block.state, input.state);
  const now = nowIso();
  const set: Record<string, unknown> = { state: input.state, stateChangedAt: now, updatedAt: now };
  if (input.state === 'PLANTED') Object.assign(set, await plantingFields(module, input));
  // Abandoning a crop (→ EMPTY without archiving) clears it; its harvests stay recorded.
  if (input.state === 'EMPTY') Object.assign(set, { plantId: null, plantingDate: null, expectedHarvestDate: null, cycle: block.cycle + 1 });
  const updated = await collections(module).blocks.findOneAndUpdate(
    { _id: block._id, state: block.state },
    { $set: set },
    { returnDocument: 'after' },
  );
  // The state filter makes two concurrent changes of one block safe: the second finds nothing.
  if (!updated) throw badInput('state', 'the block changed while this request ran; reload it and try again');
  return updated;
}

async function archiveCycle(_: unknown, args: { id: string; notes?: string | null }, { module }: ModuleContext) {
  const block = await requireBlock(module, args.id, 'id');
  if (!ARCHIVABLE_STATES.includes(block.state)) {
    throw badInput('id', `only a HARVESTING or FALLOW block can be archived; this block is ${block.state}`);
  }
  const { archives, blocks, harvests, plants } = collections(module);
  const plant = block.plantId ? await plants.findOne({ _id: block.plantId }) : null;
  const total = sumHarvests(await harvests.find({ blockId: block._id, cycle: block.cycle }));
  const now = nowIso();
  const archive = await archives.insertOne({
    blockId: block._id,
    farmId: block.farmId,
    cycle: block.cycle,
    plantId: block.plantId,
    cropName: plant ? `${plant.cropName} (${plant.variety})` : null,
    areaHectares: block.areaHectares,
    plantingDate: block.plantingDate,
    expectedHarvestDate: block.expectedHarvestDate,
    archivedAt: now,
    expectedYieldKg: expectedYieldKg(block, plant) ?? 0,
    actualYieldKg: total.quantityKg,
    harvestCount: total.count,
    notes: args.notes ?? null,
    archivedBy: module.user?.email ?? null,
  });
  await blocks.updateOne(
    { _id: block._id },
    {
      $set: {
        state: 'EMPTY',
        plantId: null,
        plantingDate: null,
        expectedHarvestDate: null,
        stateChangedAt: now,
        updatedAt: now,
        cycle: block.cycle + 1,
      },
    },
  );
  return archive;
}

async function deleteBlock(_: unknown, args: { id: string }, { module }: ModuleContext) {
  const block = await requireBlock(module, args.id, 'id');
  if (block.state !== 'EMPTY') throw badInput('id', `the block is ${block.state}; empty or archive it before deleting`);
  const harvested = await collections(module).harvests.countDocuments({ blockId: block._id });
  if (harvested > 0) throw badInput('id', `the block has ${harvested} recorded harvest(s); blocks with history are kept for analytics`);
  await collections(module).blocks.deleteOne({ _id: block._id });
  return true;
}

export const blockQueries = {
  farmBlock: withPermission('farm.view', (_: unknown, args: { id: string }, { module }: ModuleContext) =>
    collections(module).blocks.findOne({ _id: args.id }),
  ),
};

export const blockMutations = {
  createFarmBlock: withPermission('farm.manage_blocks', createBlock),
  updateFarmBlock: withPermission('farm.manage_blocks', updateBlock),
  changeFarmBlockState: withPermission('farm.manage_blocks', changeState),
  archiveFarmBlockCycle: withPermission('farm.manage_blocks', archiveCycle),
  deleteFarmBlock: withPermission('farm.manage_blocks', deleteBlock),
};

/** Field resolvers of `FarmBlock`. */
export const blockFields = {
  id: fromField('_id'),
  farm: (block: BlockDoc, _: unknown, { module }: ModuleContext) =>
    loaders(module).farmById({ includeDeleted: false }).loadOne(block.farmId),
  allowedNextStates: fromField('state', BLOCK_TRANSITIONS),
  plant: (block: BlockDoc, _: unknown, { module }: ModuleContext) =>
    block.plantId ? loaders(module).plantById().loadOne(block.plantId) : null,
  expectedYieldKg: async (block: BlockDoc, _: unknown, { module }: ModuleContext) =>
    expectedYieldKg(block, block.plantId ? await loaders(module).plantById().loadOne(block.plantId) : null),
  harvests: (block: BlockDoc, _: unknown, { module }: ModuleContext) => loaders(module).harvestsOfBlock().load(block._id),
  harvestTotal: async (block: BlockDoc, _: unknown, { module }: ModuleContext) =>
    sumHarvests((await loaders(module).harvestsOfBlock().load(block._id)).filter((harvest) => harvest.cycle === block.cycle)),
  archives: (block: BlockDoc, _: unknown, { module }: ModuleContext) => loaders(module).archivesOfBlock().load(block._id),
};
