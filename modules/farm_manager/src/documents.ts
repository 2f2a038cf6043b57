/**
 * The stored shapes of Farm Manager's collections. Dates are ISO 8601 strings so range filters
 * compare the same way on the embedded store and on MongoDB.
 */
import type { ModuleCollection, ModuleDocument, ModuleHandle } from 'a64-platform/sdk';

export const BLOCK_STATES = ['EMPTY', 'PLANTED', 'GROWING', 'HARVESTING', 'FALLOW'] as const;
export type BlockState = (typeof BLOCK_STATES)[number];

export const HARVEST_QUALITIES = ['A', 'B', 'C', 'REJECT'] as const;
export type HarvestQuality = (typeof HARVEST_QUALITIES)[number];

export const ALERT_TYPES = ['HARVEST_OVERDUE', 'BLOCK_IDLE', 'MANUAL'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];
export const ALERT_SEVERITIES = ['INFO', 'WARNING', 'CRITICAL'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';

export type FarmDoc = ModuleDocument & {
  name: string;
  location: { latitude: number; longitude: number } | null;
  areaHectares: number;
  manager: string | null;
  active: boolean;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  /** Set by deleteFarm (soft delete); deleted farms are hidden everywhere but in analytics history. */
  deletedAt: string | null;
};

export type BlockDoc = ModuleDocument & {
  farmId: string;
  name: string;
  areaHectares: number;
  state: BlockState;
  plantId: string | null;
  plantingDate: string | null;
  expectedHarvestDate: string | null;
  stateChangedAt: string;
  /** Crop cycle number, starting at 1; archiving a cycle starts the next one. */
  cycle: number;
  createdAt: string;
  updatedAt: string;
};

export type GrowingConditions = {
  minTemperatureC: number;
  maxTemperatureC: number;
  soilPhMin: number;
  soilPhMax: number;
  water: 'LOW' | 'MEDIUM' | 'HIGH';
  sunlight: 'FULL_SUN' | 'PARTIAL_SHADE' | 'SHADE';
};

export type PlantDoc = ModuleDocument & {
  cropName: string;
  variety: string;
  daysToMaturity: number;
  expectedYieldKgPerHectare: number;
  growingConditions: GrowingConditions;
  createdAt: string;
};

export type HarvestDoc = ModuleDocument & {
  blockId: string;
  farmId: string;
  plantId: string | null;
  cycle: number;
  quantityKg: number;
  quality: HarvestQuality;
  harvestedAt: string;
  notes: string | null;
  recordedBy: string | null;
  createdAt: string;
};

export type AlertDoc = ModuleDocument & {
  farmId: string;
  blockId: string | null;
  type: AlertType;
  severity: AlertSeverity;
  status: AlertStatus;
  message: string;
  /** Rule alerts carry a key (`HARVEST_OVERDUE:<block>:<cycle>`) so a rule never raises the same alert twice. */
  ruleKey: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
};

export type ArchiveDoc = ModuleDocument & {
  blockId: string;
  farmId: string;
  cycle: number;
  plantId: string | null;
  cropName: string | null;
  areaHectares: number;
  plantingDate: string | null;
  expectedHarvestDate: string | null;
  archivedAt: string;
  expectedYieldKg: number;
  actualYieldKg: number;
  harvestCount: number;
  notes: string | null;
  archivedBy: string | null;
};

/** Typed access to the declared collections. */
export function collections(handle: Pick<ModuleHandle, 'store'>) {
  const c = <T extends ModuleDocument>(name: string): ModuleCollection<T> => handle.store.collection<T>(name);
  return {
    farms: c<FarmDoc>('farms'),
    blocks: c<BlockDoc>('blocks'),
    plants: c<PlantDoc>('plant_data_enhanced'),
    harvests: c<HarvestDoc>('block_harvests'),
    alerts: c<AlertDoc>('alerts'),
    archives: c<ArchiveDoc>('block_archives'),
  };
}
export type Collections = ReturnType<typeof collections>;

const BLOCKS_IN_ORDER = { sort: { createdAt: 1, _id: 1 } } as const;
const NOT_DELETED = { filter: { deletedAt: null } } as const;
const HARVESTS_IN_ORDER = { sort: { harvestedAt: 1 } } as const;
const ARCHIVES_IN_ORDER = { sort: { cycle: 1 } } as const;

/**
 * Batched reads for field resolvers of lists (one store read per list, not one per row; see the
 * SDK's `loader`). Each name always passes the same options, so resolvers asking for the same
 * children share one loader: the handle hands back the loader it made for them earlier in the request.
 */
class FarmLoaders {
  private readonly handle: Pick<ModuleHandle, 'loader'>;

  constructor(handle: Pick<ModuleHandle, 'loader'>) {
    this.handle = handle;
  }

  blocksOfFarm(state?: BlockState | null) {
    return this.handle.loader<BlockDoc>('blocks', 'farmId', state ? { ...BLOCKS_IN_ORDER, filter: { state } } : BLOCKS_IN_ORDER);
  }
  farmById(options: { includeDeleted: boolean }) {
    return this.handle.loader<FarmDoc>('farms', '_id', options.includeDeleted ? {} : NOT_DELETED);
  }
  blockById() {
    return this.handle.loader<BlockDoc>('blocks', '_id');
  }
  plantById() {
    return this.handle.loader<PlantDoc>('plant_data_enhanced', '_id');
  }
  harvestsOfFarm() {
    return this.handle.loader<HarvestDoc>('block_harvests', 'farmId');
  }
  harvestsOfBlock() {
    return this.handle.loader<HarvestDoc>('block_harvests', 'blockId', HARVESTS_IN_ORDER);
  }
  archivesOfBlock() {
    return this.handle.loader<ArchiveDoc>('block_archives', 'blockId', ARCHIVES_IN_ORDER);
  }
}

/**
 * The loaders of a request's handle. One small object per call, not a WeakMap keyed by the handle:
 * V8's young-generation collector holds a WeakMap's values strongly, so a cached set kept each
 * request's handle and everything its loaders read alive until the next full collection.
 */
export function loaders(handle: Pick<ModuleHandle, 'loader'>): FarmLoaders {
  return new FarmLoaders(handle);
}
