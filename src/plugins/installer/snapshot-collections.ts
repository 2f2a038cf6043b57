import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DocumentStore, Filter, StoredDocument } from '../../store/types.js';

/** A part of the store to put back: a whole collection, or the documents matching a filter. */
export interface SnapshotPart {
  collection: string;
  filter?: Filter;
}

interface SnapshotData {
  parts: Array<SnapshotPart & { documents: StoredDocument[] }>;
}

export interface CollectionsSnapshot {
  /** Puts every part back exactly as it was when the snapshot was taken. */
  restore(): Promise<void>;
}

/** The snapshot's file name inside a directory (staging, or the rollback copy). */
export const SNAPSHOT_FILE = 'data-snapshot.v8';
const FILE = SNAPSHOT_FILE;

async function restoreData(store: DocumentStore, data: SnapshotData): Promise<void> {
  for (const { collection, filter = {}, documents } of data.parts) {
    const target = store.collection(collection);
    await target.deleteMany(filter);
    if (documents.length > 0) await target.insertMany(documents);
  }
}

/**
 * Copies a module's data before an upgrade runs its migrations, so a failing migration (or a
 * failing onEnable after it) leaves the data as it was. The copy is also written to the
 * operation's staging dir (v8 serialisation keeps Dates), so a crash mid-migration is undone on
 * the next start by `restoreSnapshotFile`.
 */
export async function snapshotCollections(
  store: DocumentStore,
  parts: readonly SnapshotPart[],
  stagingDir: string,
): Promise<CollectionsSnapshot> {
  const data: SnapshotData = { parts: [] };
  for (const part of parts) data.parts.push({ ...part, documents: await store.collection(part.collection).find(part.filter ?? {}) });
  await writeFile(path.join(stagingDir, FILE), serialize(data), { mode: 0o600 });
  return { restore: () => restoreData(store, data) };
}

/** Restores the snapshot an interrupted operation left in its staging dir; false when there is none. */
export async function restoreSnapshotFile(store: DocumentStore, stagingDir: string): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(stagingDir, FILE));
  } catch {
    return false;
  }
  await restoreData(store, deserialize(bytes) as SnapshotData);
  return true;
}
