import type { Collection as DriverCollection, Filter as DriverFilter, UpdateFilter } from 'mongodb';
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
import { mapMongoError } from './map-mongo-error.js';
import { upsertWithStringId } from './upsert-with-string-id.js';

type Doc = StoredDocument;

// IndexOptionsConflict, IndexKeySpecsConflict.
const INDEX_CONFLICT_CODES = new Set([85, 86]);

/**
 * A collection of the MongoDB store: a thin pass-through to the driver that generates string
 * `_id`s and maps E11000 to DuplicateKeyError.
 */
export class MongoCollection<T extends StoredDocument = StoredDocument> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly driver: DriverCollection<Doc>,
  ) {}

  async findOne(filter: Filter = {}, options: Pick<FindOptions, 'projection' | 'sort' | 'readOnly'> = {}): Promise<T | null> {
    const { readOnly, ...driverOptions } = options;
    const found = (await this.driver.findOne(filter as DriverFilter<Doc>, driverOptions)) as T | null;
    // The driver's documents are always the caller's own; frozen all the same, as the embedded store's are.
    return readOnly ? deepFreeze(found) : found;
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    const { readOnly, ...driverOptions } = options;
    const found = (await this.driver.find(filter as DriverFilter<Doc>, driverOptions).toArray()) as T[];
    return readOnly ? found.map(deepFreeze) : found;
  }

  countDocuments(filter: Filter = {}): Promise<number> {
    return this.driver.countDocuments(filter as DriverFilter<Doc>);
  }

  async insertOne(document: NewDocument<T>): Promise<T> {
    const prepared = withId(document);
    await this.run(() => this.driver.insertOne(prepared));
    return prepared as unknown as T;
  }

  async insertMany(documents: NewDocument<T>[]): Promise<T[]> {
    if (documents.length === 0) return [];
    const prepared = documents.map(withId);
    await this.run(() => this.driver.insertMany(prepared));
    return prepared as unknown as T[];
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    const result = await this.run(() =>
      this.driver.updateOne(filter as DriverFilter<Doc>, upsertWithStringId(filter, update, options.upsert), options),
    );
    return {
      matchedCount: result.matchedCount,
      modifiedCount: result.modifiedCount,
      upsertedId: (result.upsertedId as string | null) ?? null,
    };
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    const result = await this.run(() => this.driver.updateMany(filter as DriverFilter<Doc>, update as UpdateFilter<Doc>));
    return { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount, upsertedId: null };
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    const { upsert = false, returnDocument = 'after' } = options;
    const result = await this.run(() =>
      this.driver.findOneAndUpdate(filter as DriverFilter<Doc>, upsertWithStringId(filter, update, upsert), { upsert, returnDocument }),
    );
    return result as T | null;
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    return { deletedCount: (await this.driver.deleteOne(filter as DriverFilter<Doc>)).deletedCount };
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    return { deletedCount: (await this.driver.deleteMany(filter as DriverFilter<Doc>)).deletedCount };
  }

  async createIndex(spec: IndexSpec): Promise<void> {
    const entries = Object.entries(spec.fields);
    if (entries.length === 0) throw new InvalidStoreRequestError(`createIndex on "${this.name}" needs at least one field.`);
    // A name derived from the fields (like MongoDB's default) keeps createIndex idempotent.
    const name = entries.map(([field, direction]) => `${field}_${direction}`).join('_');
    const create = () => this.driver.createIndex(spec.fields, { name, unique: !!spec.unique, sparse: !!spec.sparse });
    await this.run(async () => {
      try {
        await create();
      } catch (error) {
        // Same fields, other options (e.g. now unique): replace the index, as the embedded store does.
        if (!INDEX_CONFLICT_CODES.has((error as { code?: number }).code ?? 0)) throw error;
        await this.driver.dropIndex(name);
        await create();
      }
    });
  }

  private async run<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      throw mapMongoError(error, this.name);
    }
  }
}

function withId<D extends { _id?: string }>(document: D): D & { _id: string } {
  if (document._id !== undefined && typeof document._id !== 'string') {
    throw new InvalidStoreRequestError('A document _id must be a string; omit it to have one generated.');
  }
  return { ...document, _id: document._id ?? generateId() };
}
