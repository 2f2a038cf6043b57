import type { DocumentStore } from '../store/types.js';
import type { Role } from './types.js';

interface RolePermissionsDocument {
  _id: Role;
  permissions: string[];
  updatedAt: Date;
  [field: string]: unknown;
}

/** Role → permissions set by a SUPER_ADMIN (`role_permissions`). A role never set has no document. */
export interface RolePermissionsRepository {
  /** The permissions set for `role`, or null when none were ever set (the role's default applies). */
  get(role: Role): Promise<string[] | null>;
  set(role: Role, permissions: readonly string[]): Promise<void>;
  /** Takes `permissions` out of every role (a module was uninstalled). */
  removeEverywhere(permissions: readonly string[]): Promise<void>;
}

export function createRolePermissionsRepository(store: DocumentStore): RolePermissionsRepository {
  const roles = store.collection<RolePermissionsDocument>('role_permissions');
  return {
    async get(role) {
      return (await roles.findOne({ _id: role }))?.permissions ?? null;
    },
    async set(role, permissions) {
      await roles.updateOne(
        { _id: role },
        { $set: { permissions: [...new Set(permissions)].sort(), updatedAt: new Date() } },
        { upsert: true },
      );
    },
    async removeEverywhere(permissions) {
      const gone = new Set(permissions);
      for (const doc of await roles.find({})) {
        const kept = doc.permissions.filter((permission) => !gone.has(permission));
        if (kept.length !== doc.permissions.length)
          await roles.updateOne({ _id: doc._id }, { $set: { permissions: kept, updatedAt: new Date() } });
      }
    },
  };
}
