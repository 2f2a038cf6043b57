import type { DocumentStore } from '../../store/types.js';
import type { InstalledModuleRecord } from './installed-module-record.js';

export const INSTALLED_MODULES_COLLECTION = 'installed_modules';

export type InstalledModulePatch = Partial<Omit<InstalledModuleRecord, '_id' | 'name'>>;

/** Reads and writes `installed_modules` (one document per module, `_id` = module name). */
export interface InstalledModulesRepository {
  list(): Promise<InstalledModuleRecord[]>;
  get(name: string): Promise<InstalledModuleRecord | null>;
  insert(record: Omit<InstalledModuleRecord, '_id'>): Promise<InstalledModuleRecord>;
  update(name: string, patch: InstalledModulePatch): Promise<void>;
  remove(name: string): Promise<void>;
}

export function createInstalledModulesRepository(store: DocumentStore): InstalledModulesRepository {
  const records = store.collection<InstalledModuleRecord>(INSTALLED_MODULES_COLLECTION);
  return {
    list: () => records.find({}, { sort: { name: 1 } }),
    get: (name) => records.findOne({ _id: name }),
    insert: (record) => records.insertOne({ ...record, _id: record.name } as InstalledModuleRecord),
    async update(name, patch) {
      await records.updateOne({ _id: name }, { $set: patch });
    },
    async remove(name) {
      await records.deleteOne({ _id: name });
    },
  };
}
