import { platformError } from '../errors/index.js';
import { isDuplicateKeyError } from '../store/store-errors.js';
import type { DocumentStore } from '../store/types.js';
import type { Role } from './types.js';

export interface UserDocument {
  _id: string;
  email: string;
  passwordHash: string;
  role: Role;
  /** The user's own grants (the field keeps its first name so existing data reads unchanged). */
  permissions: string[];
  disabled?: boolean;
  lastLoginAt?: Date | null;
  /** Raised by every password change; tokens carry it and older ones are refused. */
  tokenGeneration?: number;
  /** Set on a bootstrap admin whose password the platform generated, until it first signs in. */
  bootstrapPending?: boolean;
  createdAt: Date;
  [field: string]: unknown;
}

/** A user as stored, without the password hash. */
export interface StoredUser {
  id: string;
  email: string;
  role: Role;
  grants: string[];
  disabled: boolean;
  lastLoginAt: Date | null;
  tokenGeneration: number;
  bootstrapPending: boolean;
  createdAt: Date;
}

export interface UsersRepository {
  findById(id: string): Promise<StoredUser | null>;
  /** With the hash, for login only. */
  findCredentials(email: string): Promise<UserDocument | null>;
  list(): Promise<StoredUser[]>;
  count(filter?: { role?: Role; disabled?: boolean }): Promise<number>;
  /** Throws BAD_USER_INPUT when the email is taken. */
  insert(user: {
    email: string;
    passwordHash: string;
    role: Role;
    permissions?: string[];
    bootstrapPending?: boolean;
  }): Promise<StoredUser>;
  update(id: string, patch: { role?: Role; disabled?: boolean; grants?: string[] }): Promise<StoredUser | null>;
  /** Replaces the hash and raises the token generation: every older token stops working. */
  setPasswordHash(id: string, passwordHash: string, options?: { bootstrapPending?: boolean }): Promise<void>;
  recordLogin(id: string, at: Date): Promise<void>;
  remove(id: string): Promise<boolean>;
  /** Takes `permissions` out of every user's grants (a module was uninstalled). */
  removeGrantsEverywhere(permissions: readonly string[]): Promise<void>;
  ensureIndexes(): Promise<void>;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toStoredUser(doc: UserDocument): StoredUser {
  return {
    id: doc._id,
    email: doc.email,
    role: doc.role,
    grants: doc.permissions ?? [],
    disabled: doc.disabled === true,
    lastLoginAt: doc.lastLoginAt ?? null,
    tokenGeneration: doc.tokenGeneration ?? 0,
    bootstrapPending: doc.bootstrapPending === true,
    createdAt: doc.createdAt,
  };
}

export function createUsersRepository(store: DocumentStore): UsersRepository {
  const users = store.collection<UserDocument>('users');
  const findById = async (id: string) => {
    const doc = await users.findOne({ _id: id });
    return doc ? toStoredUser(doc) : null;
  };
  return {
    findById,
    findCredentials: (email) => users.findOne({ email: normalizeEmail(email) }),
    async list() {
      return (await users.find({}, { sort: { createdAt: 1 } })).map(toStoredUser);
    },
    count(filter = {}) {
      const { role, disabled } = filter;
      const query: Record<string, unknown> = role ? { role } : {};
      // Documents written before `disabled` existed have no such field: they are enabled.
      if (disabled !== undefined) query.disabled = disabled ? true : { $ne: true };
      return users.countDocuments(query);
    },
    async insert({ email, passwordHash, role, permissions = [], bootstrapPending }) {
      try {
        const doc = await users.insertOne({
          email: normalizeEmail(email),
          passwordHash,
          role,
          permissions,
          disabled: false,
          lastLoginAt: null,
          tokenGeneration: 0,
          ...(bootstrapPending ? { bootstrapPending: true } : {}),
          createdAt: new Date(),
        });
        return toStoredUser(doc);
      } catch (error) {
        if (isDuplicateKeyError(error)) {
          throw platformError('BAD_USER_INPUT', `A user with email ${normalizeEmail(email)} already exists.`, {
            details: { field: 'email' },
          });
        }
        throw error;
      }
    },
    async update(id, { role, disabled, grants }) {
      const $set: Record<string, unknown> = {};
      if (role !== undefined) $set.role = role;
      if (disabled !== undefined) $set.disabled = disabled;
      if (grants !== undefined) $set.permissions = [...new Set(grants)].sort();
      if (Object.keys($set).length > 0) await users.updateOne({ _id: id }, { $set });
      return findById(id);
    },
    async setPasswordHash(id, passwordHash, options = {}) {
      const $set: Record<string, unknown> = { passwordHash };
      const update = options.bootstrapPending
        ? { $set: { ...$set, bootstrapPending: true } }
        : { $set, $unset: { bootstrapPending: true } };
      await users.updateOne({ _id: id }, { ...update, $inc: { tokenGeneration: 1 } });
    },
    async recordLogin(id, at) {
      await users.updateOne({ _id: id }, { $set: { lastLoginAt: at }, $unset: { bootstrapPending: true } });
    },
    async remove(id) {
      return (await users.deleteOne({ _id: id })).deletedCount > 0;
    },
    async removeGrantsEverywhere(permissions) {
      const gone = new Set(permissions);
      for (const doc of await users.find({ permissions: { $in: [...gone] } })) {
        await users.updateOne({ _id: doc._id }, { $set: { permissions: (doc.permissions ?? []).filter((p) => !gone.has(p)) } });
      }
    },
    ensureIndexes: () => users.createIndex({ fields: { email: 1 }, unique: true }),
  };
}
