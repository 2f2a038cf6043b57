import type { ModuleHandle } from 'a64-platform/sdk';
import type { HarvestDoc } from './documents.js';

/** What `onHarvest` listeners receive: a copy, so a listener cannot change the stored harvest. */
export interface HarvestEvent {
  id: string;
  blockId: string;
  farmId: string;
  plantId: string | null;
  quantityKg: number;
  quality: string;
  harvestedAt: string;
  recordedBy: string | null;
}

export type HarvestListener = (event: HarvestEvent) => void | Promise<void>;

// Keyed by the enable's store handle: request handles inherit it from the base handle, and a new
// enable gets a new one, so listeners never outlive the enable they were registered in.
const listenersByStore = new WeakMap<object, Set<HarvestListener>>();

export function harvestListeners(handle: Pick<ModuleHandle, 'store'>): Set<HarvestListener> {
  let listeners = listenersByStore.get(handle.store);
  if (!listeners) {
    listeners = new Set();
    listenersByStore.set(handle.store, listeners);
  }
  return listeners;
}

/** Tells every listener about a recorded harvest. A failing listener is logged; the harvest stands. */
export async function notifyHarvest(handle: Pick<ModuleHandle, 'store' | 'logger'>, harvest: HarvestDoc): Promise<void> {
  const listeners = listenersByStore.get(handle.store);
  if (!listeners || listeners.size === 0) return;
  const { _id, blockId, farmId, plantId, quantityKg, quality, harvestedAt, recordedBy } = harvest;
  for (const listener of listeners) {
    try {
      await listener({ id: _id, blockId, farmId, plantId, quantityKg, quality, harvestedAt, recordedBy });
    } catch (error) {
      handle.logger.warn('an onHarvest listener failed', { harvestId: _id, error: (error as Error).message });
    }
  }
}
