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
