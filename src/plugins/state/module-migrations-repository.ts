import type { DocumentStore } from '../../store/types.js';

export const MODULE_MIGRATIONS_COLLECTION = 'module_migrations';

interface MigrationRecord {
  _id: string;
  module: string;
  id: string;
  version: string;
  ranAt: Date;
  [field: string]: unknown;
}

/** Which module migrations have run (`module_migrations`): each id runs once per module. */
export interface ModuleMigrationsRepository {
  hasRun(moduleName: string, id: string): Promise<boolean>;
  record(moduleName: string, id: string, version: string): Promise<void>;
  /** Forgets every migration of a module (uninstall with dropData), so a reinstall runs them again. */
  forget(moduleName: string): Promise<void>;
}

export function createModuleMigrationsRepository(store: DocumentStore): ModuleMigrationsRepository {
  const migrations = store.collection<MigrationRecord>(MODULE_MIGRATIONS_COLLECTION);
  const key = (moduleName: string, id: string) => `${moduleName}:${id}`;
  return {
    async hasRun(moduleName, id) {
      return (await migrations.findOne({ _id: key(moduleName, id) })) !== null;
    },
    async record(moduleName, id, version) {
      await migrations.insertOne({ _id: key(moduleName, id), module: moduleName, id, version, ranAt: new Date() });
    },
    async forget(moduleName) {
      await migrations.deleteMany({ module: moduleName });
    },
  };
}
