import { badInput, type ModuleHandle } from 'a64-platform/sdk';
import { type BlockDoc, collections, type FarmDoc, type PlantDoc } from './documents.js';

/** A live (not deleted) farm, or BAD_USER_INPUT naming `field`. */
export async function requireFarm(handle: Pick<ModuleHandle, 'store'>, id: string, field = 'farmId'): Promise<FarmDoc> {
  const farm = await collections(handle).farms.findOne({ _id: id, deletedAt: null });
  if (!farm) throw badInput(field, `no farm with id "${id}"; list farms with the farms query`);
  return farm;
}

/** A block of a live farm, or BAD_USER_INPUT naming `field`. */
export async function requireBlock(handle: Pick<ModuleHandle, 'store'>, id: string, field = 'blockId'): Promise<BlockDoc> {
  const block = await collections(handle).blocks.findOne({ _id: id });
  if (!block) throw badInput(field, `no block with id "${id}"; list a farm's blocks with farm(id) { blocks { id } }`);
  const farm = await collections(handle).farms.findOne({ _id: block.farmId, deletedAt: null });
  if (!farm) throw badInput(field, `block "${id}" belongs to a deleted farm`);
  return block;
}

export async function requirePlant(handle: Pick<ModuleHandle, 'store'>, id: string, field = 'plantId'): Promise<PlantDoc> {
  const plant = await collections(handle).plants.findOne({ _id: id });
  if (!plant) throw badInput(field, `no plant data with id "${id}"; list crops with the plantData query`);
  return plant;
}

/** Expected yield of a block's current cycle, or null when nothing is planted. */
export function expectedYieldKg(
  block: Pick<BlockDoc, 'areaHectares'>,
  plant: Pick<PlantDoc, 'expectedYieldKgPerHectare'> | null,
): number | null {
  return plant ? Math.round(plant.expectedYieldKgPerHectare * block.areaHectares * 100) / 100 : null;
}

export function nowIso(): string {
  return new Date().toISOString();
}
