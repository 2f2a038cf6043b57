import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { assertCollectionName } from '../assert-collection-name.js';
import { AsyncMutex } from '../async-mutex.js';
import { StoreClosedError } from '../store-errors.js';
import type { Collection, DocumentStore, StoredDocument } from '../types.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { EmbeddedCollection } from './embedded-collection.js';
import { Datastore } from './nedb.js';

/** Options of the embedded (nedb) store. */
export interface EmbeddedStoreOptions {
  /** DATA_DIR; collections live in `<dataDir>/store/<name>.db`. */
  dataDir: string;
  /** How often open datafiles are compacted (nedb files are append-only). Default 10 minutes. */
  compactionIntervalMs?: number;
  /** Called when a background compaction fails; default: a process warning. */
  onBackgroundError?: (error: unknown) => void;
}

interface CollectionState {
  readonly mutex: AsyncMutex;
  datastore: Promise<Datastore> | null;
}

const DEFAULT_COMPACTION_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Opens the embedded store of a DATA_DIR, taking its lock (`<dataDir>/store/LOCK`).
 * Throws StoreLockedError when another live process — or another open store in this one — holds it.
 *
 * @example const store = await openEmbeddedStore({ dataDir: './data' }); … await store.close();
 */
export async function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<DocumentStore> {
  const lock = await acquireDataDirLock(options.dataDir);
  return new EmbeddedStore(path.resolve(options.dataDir, 'store'), lock, options);
}

class EmbeddedStore implements DocumentStore {
  readonly kind = 'embedded' as const;
  readonly #collections = new Map<string, CollectionState>();
  readonly #timer: NodeJS.Timeout;
  #closing: Promise<void> | null = null;

  constructor(
    private readonly storeDir: string,
    private readonly lock: DataDirLock,
    private readonly options: EmbeddedStoreOptions,
  ) {
    this.#timer = setInterval(() => void this.#compactAll(), options.compactionIntervalMs ?? DEFAULT_COMPACTION_INTERVAL_MS);
    // Compaction must not keep a finished process alive.
    this.#timer.unref();
  }

  collection<T extends StoredDocument = StoredDocument>(name: string): Collection<T> {
    assertCollectionName(name);
    const state = this.#state(name);
    return new EmbeddedCollection<T>(name, { mutex: state.mutex, datastore: () => this.#datastore(name, state) });
  }

  async listCollections(): Promise<string[]> {
    this.#assertOpen();
    const files = await readdir(this.storeDir);
    return files
      .filter((file) => file.endsWith('.db'))
      .map((file) => file.slice(0, -'.db'.length))
      .sort();
  }

  async dropCollection(name: string): Promise<void> {
    assertCollectionName(name);
    this.#assertOpen();
    const state = this.#state(name);
    await state.mutex.run(async () => {
      const loading = state.datastore;
      state.datastore = null;
      if (loading) await (await loading).dropDatabaseAsync();
      await rm(this.#file(name), { force: true });
      await rm(`${this.#file(name)}~`, { force: true });
    });
  }

  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    clearInterval(this.#timer);
    try {
      // Under each mutex: pending writes finish first, then the file is rewritten compactly.
      await Promise.all(
        [...this.#collections.values()].map((state) =>
          state.mutex.run(async () => {
            // A collection whose file failed to load has nothing to compact.
            const datastore = await state.datastore?.catch(() => null);
            state.datastore = null;
            await datastore?.compactDatafileAsync();
          }),
        ),
      );
    } finally {
      await this.lock.release();
    }
  }

  #state(name: string): CollectionState {
    let state = this.#collections.get(name);
    if (!state) {
      state = { mutex: new AsyncMutex(), datastore: null };
      this.#collections.set(name, state);
    }
    return state;
  }

  #datastore(name: string, state: CollectionState): Promise<Datastore> {
    // While closing, work already queued on a loaded collection still runs; nothing new is loaded.
    if (!state.datastore) {
      this.#assertOpen();
      const datastore = new Datastore({ filename: this.#file(name) });
      const loading = datastore.loadDatabaseAsync().then(() => datastore);
      // A failed load (e.g. a corrupt file) is retried on the next call instead of being cached.
      loading.catch(() => {
        if (state.datastore === loading) state.datastore = null;
      });
      state.datastore = loading;
    }
    return state.datastore;
  }

  #file(name: string): string {
    return path.join(this.storeDir, `${name}.db`);
  }

  #assertOpen(): void {
    if (this.#closing) throw new StoreClosedError();
  }

  async #compactAll(): Promise<void> {
    for (const state of this.#collections.values()) {
      if (!state.datastore) continue;
      try {
        await (await state.datastore).compactDatafileAsync();
      } catch (error) {
        (this.options.onBackgroundError ?? warn)(error);
      }
    }
  }
}

function warn(error: unknown): void {
  process.emitWarning(`Embedded store compaction failed: ${error instanceof Error ? error.message : String(error)}`);
}
