import { ModuleError, type ModuleHandle } from 'a64-platform/sdk';

/**
 * The part of Farm Manager's service API (`farm_manager` ^1.8.0) Inventory calls in-process.
 * Declared here, not imported: modules share contracts, never code.
 */
export interface FarmManagerApi {
  getBlock(id: string): Promise<{ id: string; farmId: string; farmName: string; name: string; state: string } | null>;
  recordHarvest(
    input: { blockId: string; quantityKg: number; quality?: string; notes?: string },
    recordedBy?: string | null,
  ): Promise<{ id: string; blockId: string; farmId: string; quantityKg: number; harvestedAt: string }>;
}

/** Farm Manager's services; the platform only enables Inventory while Farm Manager is enabled. */
export function farmManagerApi(handle: Pick<ModuleHandle, 'services'>): FarmManagerApi {
  const api = handle.services.farm_manager as unknown as FarmManagerApi | undefined;
  if (!api) throw new ModuleError('MODULE_NOT_FOUND', 'Farm Manager is not enabled; enable farm_manager to book harvests into stock.');
  return api;
}
