import { platformError } from '../errors/index.js';
import { isDuplicateKeyError } from '../store/store-errors.js';
import type { DocumentStore } from '../store/types.js';
import type { AuthUser, Role } from './types.js';

export interface UserDocument {
  _id: string;
  email: string;
  passwordHash: string;
  role: Role;
  permissions: string[];
  createdAt: Date;
  [field: string]: unknown;
}

export interface UsersRepository {
  findById(id: string): Promise<AuthUser | null>;
  /** With the hash, for login only. */
  findCredentials(email: string): Promise<UserDocument | null>;
  list(): Promise<AuthUser[]>;
  count(filter?: { role?: Role }): Promise<number>;
  /** Throws BAD_USER_INPUT when the email is taken. */
  insert(user: { email: string; passwordHash: string; role: Role; permissions?: string[] }): Promise<AuthUser>;
  ensureIndexes(): Promise<void>;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toAuthUser(doc: UserDocument): AuthUser {
  return { id: doc._id, email: doc.email, role: doc.role, permissions: doc.permissions ?? [], createdAt: doc.createdAt };
}

export function createUsersRepository(store: DocumentStore): UsersRepository {
  const users = store.collection<UserDocument>('users');
  return {
    async findById(id) {
      const doc = await users.findOne({ _id: id });
      return doc ? toAuthUser(doc) : null;
    },
    findCredentials: (email) => users.findOne({ email: normalizeEmail(email) }),
    async list() {
      return (await users.find({}, { sort: { createdAt: 1 } })).map(toAuthUser);
    },
    count: (filter = {}) => users.countDocuments(filter),
    async insert({ email, passwordHash, role, permissions = [] }) {
      try {
        const doc = await users.insertOne({ email: normalizeEmail(email), passwordHash, role, permissions, createdAt: new Date() });
        return toAuthUser(doc);
      } catch (error) {
        if (isDuplicateKeyError(error)) {
          throw platformError('BAD_USER_INPUT', `A user with email ${normalizeEmail(email)} already exists.`, {
            details: { field: 'email' },
          });
        }
        throw error;
      }
    },
    ensureIndexes: () => users.createIndex({ fields: { email: 1 }, unique: true }),
  };
}
