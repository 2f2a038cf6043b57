export { assertCollectionName } from './assert-collection-name.js';
export { type EmbeddedStoreOptions, openEmbeddedStore } from './embedded/embedded-store.js';
export { type MongoStoreOptions, openMongoStore } from './mongo/mongo-store.js';
export { type OpenStoreOptions, openStore } from './open-store.js';
export {
  DuplicateKeyError,
  InvalidStoreRequestError,
  isDuplicateKeyError,
  StoreClosedError,
  StoreLockedError,
} from './store-errors.js';
export type {
  Collection,
  DeleteResult,
  DocumentStore,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  IndexSpec,
  NewDocument,
  SortSpec,
  StoredDocument,
  Update,
  UpdateOptions,
  UpdateResult,
} from './types.js';
