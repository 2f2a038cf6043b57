import { createReadStream } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DocumentStore, Filter, StoredDocument } from '../../store/types.js';

/** A part of the store to put back: a whole collection, or the documents matching a filter. */
export interface SnapshotPart {
  collection: string;
  filter?: Filter;
}

export interface CollectionsSnapshot {
  /** Puts every part back exactly as it was when the snapshot was taken. */
  restore(): Promise<void>;
}

/** One frame of the snapshot file: a part's header, then its documents page by page. */
type Frame = { part: SnapshotPart } | { documents: StoredDocument[] };

/** The snapshot's file name inside a directory (staging, or the rollback copy). */
export const SNAPSHOT_FILE = 'data-snapshot.v8';
const FILE = SNAPSHOT_FILE;
/** Documents read (and written back) at a time: a snapshot never holds a whole collection in memory. */
const PAGE_SIZE = 500;

/** Frames are `<uint32 length><v8 bytes>` (v8 serialisation keeps Dates). */
function encode(frame: Frame): Buffer {
  const body = serialize(frame);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  return Buffer.concat([head, body]);
}

async function* readFrames(file: string): AsyncGenerator<Frame> {
  let pending = Buffer.alloc(0);
  for await (const chunk of createReadStream(file)) {
    pending = Buffer.concat([pending, chunk as Buffer]);
    while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
      const length = pending.readUInt32BE(0);
      yield deserialize(pending.subarray(4, 4 + length)) as Frame;
      pending = pending.subarray(4 + length);
    }
  }
  if (pending.length > 0) throw new Error(`The data snapshot ${file} is damaged (${pending.length} trailing bytes); restore it by hand.`);
}

/** Each part's documents in `_id` order, a page at a time (keyset paging: no skip over what was read). */
async function* pagesOf(store: DocumentStore, part: SnapshotPart): AsyncGenerator<StoredDocument[]> {
  const collection = store.collection(part.collection);
  let after: unknown = null;
  for (;;) {
    const filter = after === null ? (part.filter ?? {}) : { ...part.filter, _id: { $gt: after } };
    const page = await collection.find(filter as Filter, { sort: { _id: 1 }, limit: PAGE_SIZE });
    if (page.length > 0) yield page;
    if (page.length < PAGE_SIZE) return;
    after = page.at(-1)!._id;
  }
}

async function restoreFile(store: DocumentStore, file: string): Promise<void> {
  let target: ReturnType<DocumentStore['collection']> | null = null;
  for await (const frame of readFrames(file)) {
    if ('part' in frame) {
      target = store.collection(frame.part.collection);
      await target.deleteMany(frame.part.filter ?? {});
    } else if (target && frame.documents.length > 0) await target.insertMany(frame.documents);
  }
}

/**
 * Copies a module's data before its migrations and onEnable run, so a failure leaves the data as
 * it was. The copy is written page by page to the operation's staging dir, so a crash
 * mid-migration is undone on the next start by `restoreSnapshotFile`, and restoring reads it back
 * page by page too.
 */
export async function snapshotCollections(
  store: DocumentStore,
  parts: readonly SnapshotPart[],
  stagingDir: string,
): Promise<CollectionsSnapshot> {
  const file = path.join(stagingDir, FILE);
  // Written under another name and renamed once complete: a crash while writing leaves no
  // snapshot (nothing was changed yet), never a partial one that a restore would trust.
  const partial = `${file}.partial`;
  const handle = await open(partial, 'w', 0o600);
  try {
    for (const part of parts) {
      await handle.write(encode({ part }));
      for await (const documents of pagesOf(store, part)) await handle.write(encode({ documents }));
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, file);
  return { restore: () => restoreFile(store, file) };
}

/** Restores the snapshot an interrupted operation left in its staging dir; false when there is none. */
export async function restoreSnapshotFile(store: DocumentStore, stagingDir: string): Promise<boolean> {
  const file = path.join(stagingDir, FILE);
  try {
    await (await open(file, 'r')).close();
  } catch {
    return false;
  }
  await restoreFile(store, file);
  return true;
}
