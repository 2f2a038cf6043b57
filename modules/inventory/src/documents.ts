/** Stored shapes of Inventory's collections; dates are ISO 8601 strings. */
import type { ModuleCollection, ModuleDocument, ModuleHandle } from 'a64-platform/sdk';

export const MOVEMENT_REASONS = ['OPENING', 'PURCHASE', 'SALE', 'HARVEST', 'ADJUSTMENT', 'WASTE', 'TRANSFER', 'RETURN'] as const;
export type MovementReason = (typeof MOVEMENT_REASONS)[number];

export type ItemDoc = ModuleDocument & {
  sku: string;
  name: string;
  /** Never negative: every decrease is a conditional update (see apply-movement.ts). */
  quantity: number;
  unit: string;
  location: string | null;
  lowStockThreshold: number;
  createdAt: string;
  updatedAt: string;
};

export type MovementDoc = ModuleDocument & {
  itemId: string;
  sku: string;
  delta: number;
  quantityAfter: number;
  reason: MovementReason;
  note: string | null;
  /** Set for HARVEST movements booked from Farm Manager. */
  harvestId: string | null;
  blockId: string | null;
  createdAt: string;
  createdBy: string | null;
};

export function collections(handle: Pick<ModuleHandle, 'store'>) {
  const c = <T extends ModuleDocument>(name: string): ModuleCollection<T> => handle.store.collection<T>(name);
  return { items: c<ItemDoc>('inventory_items'), movements: c<MovementDoc>('stock_movements') };
}
