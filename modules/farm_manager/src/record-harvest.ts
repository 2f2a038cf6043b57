import { badInput, type ModuleHandle } from 'a64-platform/sdk';
import { collections, type HarvestDoc } from './documents.js';
import { notifyHarvest } from './harvest-events.js';
import { RecordHarvestInput } from './inputs.js';
import { nowIso, requireBlock } from './lookups.js';
import { parseInput } from './parse-input.js';

// Clocks of phones in the field drift; a harvest a few minutes "in the future" is still today's.
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Records a harvest of a HARVESTING block, validated as the GraphQL mutation does. Shared by the
 * `recordHarvest` mutation and the `recordHarvest` service other modules (Inventory) call; then
 * tells `onHarvest` listeners.
 */
export async function recordHarvest(
  handle: Pick<ModuleHandle, 'store' | 'logger'>,
  raw: unknown,
  recordedBy: string | null,
): Promise<HarvestDoc> {
  const input = parseInput(RecordHarvestInput, raw);
  const block = await requireBlock(handle, input.blockId);
  if (block.state !== 'HARVESTING') {
    throw badInput('blockId', `the block is ${block.state}; move it to HARVESTING with changeFarmBlockState before recording harvests`);
  }
  const harvestedAt = input.harvestedAt ?? new Date();
  if (block.plantingDate && harvestedAt.getTime() < Date.parse(block.plantingDate)) {
    throw badInput('harvestedAt', `is before the planting date ${block.plantingDate}`);
  }
  if (harvestedAt.getTime() > Date.now() + CLOCK_SKEW_MS) throw badInput('harvestedAt', 'is in the future');
  const harvest = await collections(handle).harvests.insertOne({
    blockId: block._id,
    farmId: block.farmId,
    plantId: block.plantId,
    cycle: block.cycle,
    quantityKg: input.quantityKg,
    quality: input.quality ?? 'A',
    harvestedAt: harvestedAt.toISOString(),
    notes: input.notes ?? null,
    recordedBy,
    createdAt: nowIso(),
  });
  await notifyHarvest(handle, harvest);
  return harvest;
}
