import { badInput, type ModuleHandle } from 'a64-platform/sdk';
import { collections, type ItemDoc, type MovementDoc, type MovementReason } from './documents.js';

export interface Movement {
  sku: string;
  delta: number;
  reason: MovementReason;
  note?: string | null;
  harvestId?: string | null;
  blockId?: string | null;
  createdBy: string | null;
}

export interface AppliedMovement {
  movement: MovementDoc;
  item: ItemDoc;
  /** True when this movement took the item from above its threshold to at or below it. */
  crossedLowStock: boolean;
}

/**
 * Changes an item's quantity and records why. A decrease is one conditional update
 * (`quantity >= -delta`), so two concurrent withdrawals can never drive stock below zero.
 */
export async function applyMovement(handle: Pick<ModuleHandle, 'store' | 'logger'>, change: Movement): Promise<AppliedMovement> {
  const { items, movements } = collections(handle);
  const guard = change.delta < 0 ? { quantity: { $gte: -change.delta } } : {};
  const now = new Date().toISOString();
  const before = await items.findOneAndUpdate(
    { sku: change.sku, ...guard },
    { $inc: { quantity: change.delta }, $set: { updatedAt: now } },
    { returnDocument: 'before' },
  );
  if (!before) {
    const item = await items.findOne({ sku: change.sku });
    if (!item) throw badInput('sku', `no item with SKU "${change.sku}"; create it with createInventoryItem`);
    throw badInput('delta', `only ${item.quantity} ${item.unit} of ${item.sku} in stock; cannot remove ${-change.delta}`);
  }
  const item: ItemDoc = { ...before, quantity: before.quantity + change.delta, updatedAt: now };
  const movement = await movements.insertOne({
    itemId: item._id,
    sku: item.sku,
    delta: change.delta,
    quantityAfter: item.quantity,
    reason: change.reason,
    note: change.note ?? null,
    harvestId: change.harvestId ?? null,
    blockId: change.blockId ?? null,
    createdAt: now,
    createdBy: change.createdBy,
  });
  const crossedLowStock = before.quantity > item.lowStockThreshold && item.quantity <= item.lowStockThreshold;
  if (crossedLowStock)
    handle.logger.warn('item reached its low-stock threshold', {
      sku: item.sku,
      quantity: item.quantity,
      threshold: item.lowStockThreshold,
    });
  return { movement, item, crossedLowStock };
}
