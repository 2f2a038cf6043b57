/** What the registry client remembers between runs (and across restarts when persisted). */
export interface RegistryState {
  /** Highest catalog `version` ever accepted; anything lower is a rollback. */
  highestVersion: number;
  /** The last catalog that passed every check, served for listing while the registry is down. */
  lastGood?: { catalogText: string; fetchedAt: Date };
  /** Highest `revocations.json` version accepted (same rollback rule). */
  revocationsVersion?: number;
}

/** Where the client keeps its `RegistryState`; see `createRegistryStateRepo` for the store-backed one. */
export interface RegistryStateStore {
  load(): Promise<RegistryState | null>;
  save(state: RegistryState): Promise<void>;
}

/** A state store that lives only in memory (tests, CLI one-shots). */
export function createMemoryRegistryState(initial: RegistryState | null = null): RegistryStateStore {
  let current = initial;
  return {
    async load() {
      return current;
    },
    async save(state) {
      current = { ...state };
    },
  };
}
