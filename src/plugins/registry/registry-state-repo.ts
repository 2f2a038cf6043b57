import type { DocumentStore, StoredDocument } from '../../store/types.js';
import type { RegistryState, RegistryStateStore } from './registry-state.js';

interface RegistryStateDocument extends StoredDocument {
  highestVersion: number;
  lastGood: { catalogText: string; fetchedAt: string } | null;
  revocationsVersion: number | null;
  updatedAt: string;
}

/**
 * Persists the registry client's state in the `registry_state` collection, one document per
 * `id`. Use the registry key's id (thumbprint) as `id`: rollback protection then follows the
 * key, so a mirror signed by the same key shares it and a new registry with a new key starts fresh.
 */
export function createRegistryStateRepo(store: DocumentStore, id: string): RegistryStateStore {
  const collection = store.collection<RegistryStateDocument>('registry_state');
  return {
    async load() {
      const document = await collection.findOne({ _id: id });
      if (!document) return null;
      const state: RegistryState = { highestVersion: document.highestVersion };
      if (document.lastGood) {
        state.lastGood = { catalogText: document.lastGood.catalogText, fetchedAt: new Date(document.lastGood.fetchedAt) };
      }
      if (typeof document.revocationsVersion === 'number') state.revocationsVersion = document.revocationsVersion;
      return state;
    },
    async save(state) {
      const lastGood = state.lastGood
        ? { catalogText: state.lastGood.catalogText, fetchedAt: state.lastGood.fetchedAt.toISOString() }
        : null;
      await collection.updateOne(
        { _id: id },
        {
          $set: {
            highestVersion: state.highestVersion,
            lastGood,
            revocationsVersion: state.revocationsVersion ?? null,
            updatedAt: new Date().toISOString(),
          },
        },
        { upsert: true },
      );
    },
  };
}
