import { badInput, fromField, type ModuleContext, withPermission } from 'a64-platform/sdk';
import { type AppliedMovement, applyMovement } from './apply-movement.js';
import { collections, type MovementDoc } from './documents.js';
import { farmManagerApi } from './farm-manager-api.js';
import { AdjustStockInput, HarvestIntoStockInput } from './inputs.js';
import { parseInput } from './parse-input.js';

/** GraphQL shape of a movement: the document plus whether it triggered the low-stock alert. */
function toPayload({ movement, crossedLowStock }: AppliedMovement) {
  return { ...movement, triggeredLowStock: crossedLowStock };
}

async function adjustStock(_: unknown, args: { input: unknown }, { module }: ModuleContext) {
  const input = parseInput(AdjustStockInput, args.input);
  return toPayload(await applyMovement(module, { ...input, createdBy: module.user?.email ?? null }));
}

/**
 * Books a harvest into stock: the item is checked first (cheap, local), then Farm Manager
 * validates the block and records the harvest in-process, and only then does stock change, so
 * a refused harvest never leaves stock behind.
 */
async function recordHarvestIntoStock(_: unknown, args: { input: unknown }, { module }: ModuleContext) {
  module.assertCan('farm.manage_blocks');
  const input = parseInput(HarvestIntoStockInput, args.input);
  const item = await collections(module).items.findOne({ sku: input.sku });
  if (!item) throw badInput('sku', `no item with SKU "${input.sku}"; create it with createInventoryItem`);
  if (item.unit.toLowerCase() !== 'kg')
    throw badInput('sku', `item ${item.sku} is counted in ${item.unit}; harvests are booked in kg into a kg item`);
  const farm = farmManagerApi(module);
  const block = await farm.getBlock(input.blockId);
  if (!block) throw badInput('blockId', `no Farm Manager block with id "${input.blockId}"`);
  const harvest = await farm.recordHarvest(
    {
      blockId: block.id,
      quantityKg: input.quantity,
      ...(input.quality ? { quality: input.quality } : {}),
      ...(input.note ? { notes: input.note } : {}),
    },
    module.user?.email ?? null,
  );
  const note = input.note ?? `Harvest of block ${block.name} (${block.farmName})`;
  const applied = await applyMovement(module, {
    sku: item.sku,
    delta: harvest.quantityKg,
    reason: 'HARVEST',
    note,
    harvestId: harvest.id,
    blockId: block.id,
    createdBy: module.user?.email ?? null,
  });
  return toPayload(applied);
}

export const movementQueries = {
  stockMovements: withPermission(
    'inventory.view',
    (_: unknown, args: { sku?: string | null; limit?: number | null }, { module }: ModuleContext) =>
      collections(module).movements.find(args.sku ? { sku: args.sku } : {}, {
        sort: { createdAt: -1 },
        limit: Math.min(Math.max(args.limit ?? 50, 1), 500),
        readOnly: true,
      }),
  ),
};

export const movementMutations = {
  adjustStock: withPermission('inventory.edit', adjustStock),
  recordHarvestIntoStock: withPermission('inventory.edit', recordHarvestIntoStock),
};

export const movementFields = {
  id: fromField('_id'),
  item: (movement: MovementDoc, _: unknown, { module }: ModuleContext) => collections(module).items.findOne({ _id: movement.itemId }),
  // Movements read back from the ledger did not trigger anything now; only the mutation's payload did.
  triggeredLowStock: (movement: MovementDoc & { triggeredLowStock?: boolean }) => movement.triggeredLowStock ?? false,
};
