import type { ModuleHandle } from 'a64-platform/sdk';
import { collections } from './documents.js';
import { type HarvestListener, harvestListeners } from './harvest-events.js';
import { sumHarvests } from './harvest-totals.js';
import { recordHarvest } from './record-harvest.js';

/** A block as other modules see it (a copy: no store internals). */
export interface FarmBlockSummary {
  id: string;
  farmId: string;
  farmName: string;
  name: string;
  state: string;
  areaHectares: number;
  plantId: string | null;
  cycle: number;
}

export interface HarvestSummary {
  id: string;
  blockId: string;
  farmId: string;
  quantityKg: number;
  quality: string;
  harvestedAt: string;
}

/**
 * Farm Manager's in-process API for modules that declare `"farm_manager": "^1.8.0"`
 * (`context.module.services.farm_manager.<fn>`). Callers are trusted modules acting for a user
 * their own resolvers already checked, so these functions do not check permissions again.
 * Bad input throws BAD_USER_INPUT naming the field, exactly like the GraphQL mutations.
 */
export function createFarmServices(handle: ModuleHandle) {
  const c = collections(handle);
  return {
    /** The farm, or null when unknown or deleted. */
    async getFarm(id: string): Promise<{ id: string; name: string; areaHectares: number; active: boolean } | null> {
      const farm = await c.farms.findOne({ _id: id, deletedAt: null });
      return farm ? { id: farm._id, name: farm.name, areaHectares: farm.areaHectares, active: farm.active } : null;
    },
    /** The block with its farm's name, or null when unknown or its farm was deleted. */
    async getBlock(id: string): Promise<FarmBlockSummary | null> {
      const block = await c.blocks.findOne({ _id: id });
      const farm = block ? await c.farms.findOne({ _id: block.farmId, deletedAt: null }) : null;
      if (!block || !farm) return null;
      const { _id, farmId, name, state, areaHectares, plantId, cycle } = block;
      return { id: _id, farmId, farmName: farm.name, name, state, areaHectares, plantId, cycle };
    },
    /** Records a harvest (block must be HARVESTING); the same validation as the recordHarvest mutation. */
    async recordHarvest(
      input: { blockId: string; quantityKg: number; quality?: string; notes?: string },
      recordedBy: string | null = null,
    ): Promise<HarvestSummary> {
      const harvest = await recordHarvest(handle, input, recordedBy);
      const { _id, blockId, farmId, quantityKg, quality, harvestedAt } = harvest;
      return { id: _id, blockId, farmId, quantityKg, quality, harvestedAt };
    },
    /**
     * Calls `listener` after every recorded harvest (mutation or service), in-process; returns the
     * unsubscribe function. Register it from your onEnable as `handle.onDispose(farm.onHarvest(fn))`
     * so disabling your module unsubscribes. A throwing listener is logged and does not undo the harvest.
     */
    onHarvest(listener: HarvestListener): () => void {
      const listeners = harvestListeners(handle);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    /** Total harvested from a block over all its cycles. */
    async harvestTotal(blockId: string): Promise<{ quantityKg: number; count: number }> {
      return sumHarvests(await c.harvests.find({ blockId }));
    },
  };
}

export type FarmServices = ReturnType<typeof createFarmServices>;
