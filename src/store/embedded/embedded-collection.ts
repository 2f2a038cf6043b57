import { isDeepStrictEqual } from 'node:util';
import type { AsyncMutex } from '../async-mutex.js';
import { deepFreeze } from '../deep-freeze.js';
import { generateId } from '../generate-id.js';
import { InvalidStoreRequestError } from '../store-errors.js';
import type {
  Collection,
  DeleteResult,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  IndexSpec,
  NewDocument,
  StoredDocument,
  Update,
  UpdateOptions,
  UpdateResult,
} from '../types.js';
import { ensureIndex } from './ensure-index.js';
import { mapNedbError } from './map-nedb-error.js';
import type { Datastore } from './nedb.js';
import { cachedRead, forgetReads, readCacheKey } from './read-cache.js';
import { canReadDirectly, countMatching, handOutDocuments, selectDocuments } from './read-documents.js';
import { translateFilter } from './translate-filter.js';
import { buildUpsertDocument, type TranslatedUpdate, translateUpdate } from './translate-update.js';

/** What a collection needs from its store: the (lazily loaded) nedb datastore and the write lock. */
export interface EmbeddedCollectionBackend {
  /** Loads the datafile on first use; throws StoreClosedError once the store is closed. */
  datastore(): Promise<Datastore>;
  /** Serialises every write of this collection so find-then-write sequences are atomic. */
  readonly mutex: AsyncMutex;
}

type Doc = StoredDocument;

/**
 * A collection of the embedded store. Reads run nedb's matcher over its in-memory documents and
 * return one copy per document (read-documents.ts); which documents a read selects is cached
 * until the collection's next write (read-cache.ts). Writes run under the collection's mutex.
 * Filters and updates are translated to nedb's dialect.
 */
export class EmbeddedCollection<T extends StoredDocument = StoredDocument> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly backend: EmbeddedCollectionBackend,
  ) {}

  async findOne(filter: Filter = {}, options: Pick<FindOptions, 'projection' | 'sort' | 'readOnly'> = {}): Promise<T | null> {
    const [first] = await this.find(filter, { ...options, limit: 1 });
    return first ?? null;
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    const datastore = await this.backend.datastore();
    if (canReadDirectly(datastore)) {
      const selected = cachedRead(datastore, readCacheKey('find', filter, options), () =>
        selectDocuments(datastore, translateFilter(filter), options),
      );
      // One copy per document, projected, that callers may change; for readOnly, shared and frozen.
      return handOutDocuments(selected, options) as T[];
    }
    let cursor = datastore.findAsync<Doc>(translateFilter(filter), options.projection ?? {});
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    const found = (await cursor) as unknown as T[];
    return options.readOnly ? found.map(deepFreeze) : found;
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    const datastore = await this.backend.datastore();
    if (canReadDirectly(datastore)) {
      return cachedRead(datastore, readCacheKey('count', filter), () => countMatching(datastore, translateFilter(filter)));
    }
    return (await datastore.countAsync(translateFilter(filter))) as unknown as number;
  }

  async insertOne(document: NewDocument<T>): Promise<T> {
    const [inserted] = await this.insertMany([document]);
    return inserted as T;
  }

  async insertMany(documents: NewDocument<T>[]): Promise<T[]> {
    if (documents.length === 0) return [];
    const prepared = documents.map(withId);
    return this.write(async (datastore) => (await datastore.insertAsync(prepared)) as unknown as T[]);
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    const translated = translateUpdate(update);
    return this.write(async (datastore) => {
      const [before] = await datastore.findAsync<Doc>(translateFilter(filter)).limit(1);
      if (!before) return this.upsertResult(datastore, filter, translated, options.upsert);
      const after = await applyModifiers(datastore, before, translated);
      return { matchedCount: 1, modifiedCount: isDeepStrictEqual(before, after) ? 0 : 1, upsertedId: null };
    });
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    const { modifiers } = translateUpdate(update);
    return this.write(async (datastore) => {
      const before = (await datastore.findAsync<Doc>(translateFilter(filter))) as unknown as Doc[];
      if (before.length === 0 || Object.keys(modifiers).length === 0) {
        return { matchedCount: before.length, modifiedCount: 0, upsertedId: null };
      }
      const ids = before.map((doc) => doc._id);
      const result = await datastore.updateAsync({ _id: { $in: ids } }, modifiers, { multi: true, returnUpdatedDocs: true });
      const afterById = new Map((result.affectedDocuments as unknown as Doc[]).map((doc) => [doc._id, doc]));
      const modifiedCount = before.filter((doc) => !isDeepStrictEqual(doc, afterById.get(doc._id))).length;
      return { matchedCount: before.length, modifiedCount, upsertedId: null };
    });
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    const translated = translateUpdate(update);
    const returnAfter = (options.returnDocument ?? 'after') === 'after';
    return this.write(async (datastore) => {
      const [before] = await datastore.findAsync<Doc>(translateFilter(filter)).limit(1);
      if (!before) {
        if (!options.upsert) return null;
        const inserted = await datastore.insertAsync(buildUpsertDocument(filter, translated));
        return returnAfter ? (inserted as unknown as T) : null;
      }
      const after = await applyModifiers(datastore, before, translated);
      return (returnAfter ? after : before) as unknown as T;
    });
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    return this.write(async (datastore) => ({ deletedCount: await datastore.removeAsync(translateFilter(filter), { multi: false }) }));
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    return this.write(async (datastore) => ({ deletedCount: await datastore.removeAsync(translateFilter(filter), { multi: true }) }));
  }

  async createIndex(spec: IndexSpec): Promise<void> {
    const fields = Object.keys(spec.fields);
    if (fields.length === 0) throw new InvalidStoreRequestError(`createIndex on "${this.name}" needs at least one field.`);
    await this.write((datastore) => ensureIndex(datastore, fields, { unique: !!spec.unique, sparse: !!spec.sparse }));
  }

  /** Runs a write under the collection mutex, mapping unique violations to DuplicateKeyError. */
  private async write<R>(task: (datastore: Datastore) => Promise<R>): Promise<R> {
    return this.backend.mutex.run(async () => {
      // Inside the lock: a concurrent dropCollection may have replaced the datastore.
      const datastore = await this.backend.datastore();
      try {
        return await task(datastore);
      } catch (error) {
        throw mapNedbError(error, this.name, datastore);
      } finally {
        // Also after a failed write: nedb may have changed its memory before the error.
        forgetReads(datastore);
      }
    });
  }

  private async upsertResult(datastore: Datastore, filter: Filter, update: TranslatedUpdate, upsert?: boolean): Promise<UpdateResult> {
    if (!upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
    const inserted = await datastore.insertAsync(buildUpsertDocument(filter, update));
    return { matchedCount: 0, modifiedCount: 0, upsertedId: inserted._id };
  }
}

/** Applies the modifiers to one document (by `_id`) and returns the stored result. */
async function applyModifiers(datastore: Datastore, before: Doc, update: TranslatedUpdate): Promise<Doc> {
  if (Object.keys(update.modifiers).length === 0) return before;
  const result = await datastore.updateAsync({ _id: before._id }, update.modifiers, { returnUpdatedDocs: true });
  return result.affectedDocuments as unknown as Doc;
}

function withId<D extends { _id?: string }>(document: D): D & { _id: string } {
  if (document._id !== undefined && typeof document._id !== 'string') {
    throw new InvalidStoreRequestError('A document _id must be a string; omit it to have one generated.');
  }
  return { ...document, _id: document._id ?? generateId() };
}
