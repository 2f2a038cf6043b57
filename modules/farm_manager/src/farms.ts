import { badInput, fromField, type ModuleContext, selectsField, withPermission } from 'a64-platform/sdk';
import type { GraphQLResolveInfo } from 'graphql';
import { CULTIVATED_STATES } from './block-states.js';
import { afterCursorFilter, decodeCursor, encodeCursor } from './cursor.js';
import { type BlockState, collections, type FarmDoc, loaders } from './documents.js';
import { escapeRegex } from './escape-regex.js';
import { sumHarvests } from './harvest-totals.js';
import { CreateFarmInput, FarmFilter, PageArgs, UpdateFarmInput } from './inputs.js';
import { nowIso, requireFarm } from './lookups.js';
import { parseInput } from './parse-input.js';

function filterToQuery(filter: FarmFilter): Record<string, unknown> {
  const query: Record<string, unknown> = { deletedAt: null };
  if (filter?.search) query.name = { $regex: escapeRegex(filter.search), $options: 'i' };
  if (filter?.active !== undefined && filter?.active !== null) query.active = filter.active;
  if (filter?.manager) query.manager = filter.manager;
  return query;
}

type FarmsArgs = { filter?: unknown; first?: number; after?: string | null };

async function listFarms(_: unknown, args: FarmsArgs, { module }: ModuleContext, info: GraphQLResolveInfo) {
  const filter = parseInput(FarmFilter, args.filter);
  const page = parseInput(PageArgs, { first: args.first ?? 20, after: args.after });
  const { farms } = collections(module);
  const base = filterToQuery(filter);
  const query = page.after ? { $and: [base, afterCursorFilter(decodeCursor(page.after))] } : base;
  const [rows, totalCount] = await Promise.all([
    farms.find(query, { sort: { createdAt: 1, _id: 1 }, limit: page.first + 1, readOnly: true }),
    farms.countDocuments(base),
  ]);
  const items = rows.slice(0, page.first);
  const last = items.at(-1);
  const nextCursor = rows.length > page.first && last ? encodeCursor({ createdAt: last.createdAt, id: last._id }) : null;
  // The page's blocks in the same request, in one read: each Farm.blocks then answers at once.
  if (selectsField(info, 'items', 'blocks'))
    await loaders(module)
      .blocksOfFarm()
      .prefetch(items.map((farm) => farm._id));
  return { items, nextCursor, totalCount };
}

async function createFarm(_: unknown, args: { input: unknown }, { module }: ModuleContext) {
  const input = parseInput(CreateFarmInput, args.input);
  const now = nowIso();
  return collections(module).farms.insertOne({
    name: input.name,
    location: input.location ?? null,
    areaHectares: input.areaHectares,
    manager: input.manager ?? null,
    active: input.active ?? true,
    notes: input.notes ?? null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  });
}

async function updateFarm(_: unknown, args: { id: string; input: unknown }, { module }: ModuleContext) {
  const input = parseInput(UpdateFarmInput, args.input);
  await requireFarm(module, args.id, 'id');
  const { farms, blocks } = collections(module);
  if (input.areaHectares !== undefined) {
    const used = (await blocks.find({ farmId: args.id })).reduce((sum, block) => sum + block.areaHectares, 0);
    if (input.areaHectares < used)
      throw badInput('areaHectares', `the farm's blocks already cover ${used} ha; shrink or delete blocks first`);
  }
  // Only fields the client sent change; an explicit null clears an optional field.
  const set: Record<string, unknown> = { updatedAt: nowIso() };
  for (const [key, value] of Object.entries(input)) if (value !== undefined) set[key] = value;
  return (await farms.findOneAndUpdate({ _id: args.id }, { $set: set }, { returnDocument: 'after' })) as FarmDoc;
}

async function deleteFarm(_: unknown, args: { id: string }, { module }: ModuleContext) {
  await requireFarm(module, args.id, 'id');
  const cultivated = await collections(module).blocks.countDocuments({ farmId: args.id, state: { $in: [...CULTIVATED_STATES] } });
  if (cultivated > 0) {
    throw badInput(
      'id',
      `the farm still has ${cultivated} block(s) with a crop; harvest and archive or empty them before deleting the farm`,
    );
  }
  const now = nowIso();
  await collections(module).farms.updateOne({ _id: args.id }, { $set: { deletedAt: now, active: false, updatedAt: now } });
  return true;
}

export const farmQueries = {
  farms: withPermission('farm.view', listFarms),
  farm: withPermission('farm.view', (_: unknown, args: { id: string }, { module }: ModuleContext) =>
    collections(module).farms.findOne({ _id: args.id, deletedAt: null }),
  ),
};

export const farmMutations = {
  createFarm: withPermission('farm.create', createFarm),
  updateFarm: withPermission('farm.edit', updateFarm),
  deleteFarm: withPermission('farm.delete', deleteFarm),
};

/** Field resolvers of `Farm`; reachable only through guarded root fields. */
export const farmFields = {
  id: fromField('_id'),
  blocks: (farm: FarmDoc, args: { state?: BlockState | null }, { module }: ModuleContext) => {
    const blocks = loaders(module).blocksOfFarm(args.state);
    return blocks.loaded(farm._id) ?? blocks.load(farm._id);
  },
  blockCount: async (farm: FarmDoc, _: unknown, { module }: ModuleContext) => (await loaders(module).blocksOfFarm().load(farm._id)).length,
  harvestTotal: async (farm: FarmDoc, _: unknown, { module }: ModuleContext) =>
    sumHarvests(await loaders(module).harvestsOfFarm().load(farm._id)),
};
