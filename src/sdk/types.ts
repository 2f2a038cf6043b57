/**
 * Everything a module author programs against. Modules import only `a64-platform/sdk`.
 * These are types only (plus `defineModule`, an identity function), so a module bundles
 * nothing of the platform.
 */
import type { GraphQLResolveInfo } from 'graphql';

export type ModuleDocument = { _id: string; [field: string]: unknown };
export type ModuleFilter = Record<string, unknown>;
export interface ModuleUpdate {
  $set?: Record<string, unknown>;
  $unset?: Record<string, unknown>;
  $inc?: Record<string, number>;
  $push?: Record<string, unknown>;
  $addToSet?: Record<string, unknown>;
  $pull?: Record<string, unknown>;
  $setOnInsert?: Record<string, unknown>;
}
export interface ModuleFindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, 0 | 1>;
  /**
   * For reads that only answer (a page of a list): the documents come back deep-frozen and may be
   * shared with other readers, which spares the embedded store a copy of each. Changing one
   * throws a TypeError; spread it first (`{ ...farm, name }`). Default false: your own copies.
   */
  readOnly?: boolean;
}

/** A collection the module declared in `database_collections`. */
export interface ModuleCollection<T extends ModuleDocument = ModuleDocument> {
  readonly name: string;
  findOne(filter?: ModuleFilter): Promise<T | null>;
  find(filter?: ModuleFilter, options?: ModuleFindOptions): Promise<T[]>;
  countDocuments(filter?: ModuleFilter): Promise<number>;
  insertOne(document: Omit<T, '_id'> & { _id?: string }): Promise<T>;
  insertMany(documents: Array<Omit<T, '_id'> & { _id?: string }>): Promise<T[]>;
  updateOne(
    filter: ModuleFilter,
    update: ModuleUpdate,
    options?: { upsert?: boolean },
  ): Promise<{ matchedCount: number; modifiedCount: number; upsertedId: string | null }>;
  updateMany(
    filter: ModuleFilter,
    update: ModuleUpdate,
  ): Promise<{ matchedCount: number; modifiedCount: number; upsertedId: string | null }>;
  findOneAndUpdate(
    filter: ModuleFilter,
    update: ModuleUpdate,
    options?: { upsert?: boolean; returnDocument?: 'before' | 'after' },
  ): Promise<T | null>;
  deleteOne(filter: ModuleFilter): Promise<{ deletedCount: number }>;
  deleteMany(filter: ModuleFilter): Promise<{ deletedCount: number }>;
  createIndex(spec: { fields: Record<string, 1 | -1>; unique?: boolean; sparse?: boolean }): Promise<void>;
}

/** Store handle scoped to the manifest's `database_collections`; any other name throws FORBIDDEN. */
export interface ModuleStore {
  collection<T extends ModuleDocument = ModuleDocument>(name: string): ModuleCollection<T>;
}

/** What `loader` reads besides the key: a fixed filter, the order within each key, a cap per key. */
export interface ModuleLoaderOptions {
  /** Added to every batched read, e.g. `{ deletedAt: null }`. Must not name the key field. */
  filter?: ModuleFilter;
  /** Order of the documents handed back for each key. */
  sort?: Record<string, 1 | -1>;
  /** At most this many documents per key (after `sort`). */
  limit?: number;
  projection?: Record<string, 0 | 1>;
}

/**
 * Batches the reads of one collection by one field: every `load(value)` issued in the same tick
 * becomes a single `find({ [key]: { $in: values } })`. Within a request each value is read once.
 */
export interface ModuleLoader<T extends ModuleDocument = ModuleDocument> {
  /** The documents whose key field equals `value` (an empty array when none). */
  load(value: string | number): Promise<T[]>;
  /** The first of `load(value)`, or null: for lookups by `_id` or a unique field. */
  loadOne(value: string | number): Promise<T | null>;
  /**
   * Reads the documents of every value in one store read now, for a list resolver that knows its
   * rows' children will be asked for (see `selectsField`); `loaded` then has them. Values this
   * request already read are not read again. On a module's own handle (no request) it reads nothing.
   */
  prefetch(values: ReadonlyArray<string | number>): Promise<void>;
  /**
   * What `load(value)` would resolve to, when this request has already read it (a finished
   * `load` or `prefetch`); undefined otherwise. A field resolver returning
   * `loader.loaded(key) ?? loader.load(key)` answers without a promise per row.
   */
  loaded(value: string | number): T[] | undefined;
}

/** A pino-style logger whose lines carry `module: <name>`. */
export interface ModuleLogger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export type Role = 'SUPER_ADMIN' | 'ADMIN' | 'USER';

/** The signed-in user of the current request. */
export interface ModuleUser {
  id: string;
  email: string;
  role: Role;
  /** The module permissions this user holds now: their role's ∪ their own grants (SUPER_ADMIN: all). */
  permissions: string[];
}

/** A function that undoes a registration. Disabling a module runs every disposer it returned. */
export type Disposer = () => void | Promise<void>;

/** Services other modules exported, by module name. Only declared dependencies appear. */
export type ModuleServices = Record<string, Record<string, (...args: never[]) => unknown>>;

/**
 * A module's own handle: given to `onEnable`, `onDisable`, migrations and service factories,
 * and to resolvers as `context.module`.
 */
export interface ModuleHandle {
  readonly name: string;
  readonly version: string;
  readonly store: ModuleStore;
  readonly logger: ModuleLogger;
  /** `services.<dependency>.<fn>(...)`: in-process calls to declared dependencies. */
  readonly services: ModuleServices;
  /** The request's user (null in hooks and migrations). */
  readonly user: ModuleUser | null;
  /** True when the current user holds the permission (always true outside a request). */
  can(permission: string): boolean;
  /** Throws FORBIDDEN unless `can(permission)`. */
  assertCan(permission: string): void;
  /**
   * A batching loader for `collection` keyed by the field `key` (`_id` or a field holding one
   * scalar value, dotted paths allowed). Resolvers of list children use it so N parents cost one
   * store read: `Farm.blocks: (farm, _, { module }) => module.loader('farm_blocks', 'farmId').load(farm._id)`.
   * In a request the same (collection, key, options) gives the same loader, which remembers what
   * it read until the request ends — read through the collection after writing in a mutation.
   * Outside a request (hooks, services) it batches but remembers nothing.
   */
  loader<T extends ModuleDocument = ModuleDocument>(collection: string, key: string, options?: ModuleLoaderOptions): ModuleLoader<T>;
  /** Runs `fn` every `ms` until the module is disabled. */
  every(ms: number, fn: () => void | Promise<void>): Disposer;
  /** Registers cleanup to run when the module is disabled. */
  onDispose(disposer: Disposer): Disposer;
}

/** What module resolvers receive as their GraphQL context. */
export interface ModuleContext {
  module: ModuleHandle;
  user: ModuleUser | null;
  /** Same as `module.services`. */
  modules: ModuleServices;
}

export type ModuleResolverFn<TParent = unknown, TArgs = Record<string, unknown>, TResult = unknown> = (
  parent: TParent,
  args: TArgs,
  context: ModuleContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** `{ Type: { field: resolver } }`; write each resolver as a `ModuleResolverFn` for typed context. Scalars may be GraphQLScalarType values. */
export type ModuleResolvers = Record<string, Record<string, unknown> | object>;

export interface ModuleMigration {
  /** Unique within the module; each id runs once, in array order. */
  id: string;
  up(handle: ModuleHandle): void | Promise<void>;
}

export interface ModuleDefinition {
  /** SDL, one string or several; may `extend type Query`/`Mutation`. */
  typeDefs: string | string[];
  resolvers?: ModuleResolvers;
  /** Runs after the module's resolvers are live-ready, before the schema swap. */
  onEnable?(handle: ModuleHandle): void | Promise<void>;
  /** Runs before its disposers when the module is disabled. */
  onDisable?(handle: ModuleHandle): void | Promise<void>;
  migrations?: ModuleMigration[];
  /** Functions other modules may call in-process, built once per enable. */
  services?(handle: ModuleHandle): Record<string, (...args: never[]) => unknown>;
}
