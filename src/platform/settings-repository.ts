import { randomUUID } from 'node:crypto';
import type { DocumentStore } from '../store/types.js';

interface SettingDocument {
  _id: string;
  value: unknown;
  [field: string]: unknown;
}

/**
 * The installation id: generated once, kept in the store so every instance sharing a MongoDB
 * reports the same id (licenses may be bound to it). `$setOnInsert` makes racing first starts agree.
 */
export async function loadInstallationId(store: DocumentStore): Promise<string> {
  const settings = store.collection<SettingDocument>('platform_settings');
  const doc = await settings.findOneAndUpdate(
    { _id: 'installation_id' },
    { $setOnInsert: { value: randomUUID() } },
    { upsert: true, returnDocument: 'after' },
  );
  return String(doc?.value);
}
