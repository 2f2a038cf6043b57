import type { DocumentStore } from '../../store/types.js';

/** Platform collection: update policy and rollback bookkeeping, one document per module. */
export const UPDATE_STATE_COLLECTION = 'module_update_state';

export type UpdatePolicy = 'MANUAL' | 'PATCH' | 'MINOR';

export interface ModuleUpdateState {
  _id: string;
  policy: UpdatePolicy;
  /** A semver range automatic updates stay within (`~1.4`, `<2.0.0`); null = no pin. */
  pin: string | null;
  /** Why the last allowed automatic update was not applied; null when none is blocked. */
  blocked: string | null;
  /** The version before the last upgrade, while its files are kept for `rollbackModule`. */
  previousVersion: string | null;
  /** Digest of the module's collections right after the last upgrade (see `collectionsDigest`). */
  upgradedDigest: string | null;
  [field: string]: unknown;
}

export interface UpdateStateRepository {
  get(name: string): Promise<ModuleUpdateState>;
  /** Synchronous view of the last known state (for `Module` field resolvers); defaults when unknown. */
  cached(name: string): ModuleUpdateState;
  save(name: string, patch: Partial<Omit<ModuleUpdateState, '_id'>>): Promise<ModuleUpdateState>;
  forget(name: string): Promise<void>;
  /** The cached states whose policy is not MANUAL (the update check's work list). */
  automatic(): ModuleUpdateState[];
  /** Loads every document into the cache (at start). */
  load(): Promise<ModuleUpdateState[]>;
}

const defaults = (name: string): ModuleUpdateState => ({
  _id: name,
  policy: 'MANUAL',
  pin: null,
  blocked: null,
  previousVersion: null,
  upgradedDigest: null,
});

export function createUpdateStateRepository(store: DocumentStore): UpdateStateRepository {
  const states = store.collection<ModuleUpdateState>(UPDATE_STATE_COLLECTION);
  const cache = new Map<string, ModuleUpdateState>();
  const repository: UpdateStateRepository = {
    async get(name) {
      const stored = await states.findOne({ _id: name });
      const state = { ...defaults(name), ...stored };
      cache.set(name, state);
      return state;
    },
    cached: (name) => cache.get(name) ?? defaults(name),
    async save(name, patch) {
      const next = { ...(await repository.get(name)), ...patch, _id: name };
      const { _id, ...fields } = next;
      await states.updateOne({ _id }, { $set: fields }, { upsert: true });
      cache.set(name, next);
      return next;
    },
    async forget(name) {
      await states.deleteOne({ _id: name });
      cache.delete(name);
    },
    automatic: () => [...cache.values()].filter((state) => state.policy !== 'MANUAL'),
    async load() {
      const all = (await states.find({})).map((stored) => ({ ...defaults(stored._id), ...stored }));
      for (const state of all) cache.set(state._id, state);
      return all;
    },
  };
  return repository;
}
