export type { InstalledModuleRecord } from './installed-module-record.js';
export {
  createInstalledModulesRepository,
  INSTALLED_MODULES_COLLECTION,
  type InstalledModulePatch,
  type InstalledModulesRepository,
} from './installed-modules-repository.js';
export {
  createModuleMigrationsRepository,
  MODULE_MIGRATIONS_COLLECTION,
  type ModuleMigrationsRepository,
} from './module-migrations-repository.js';
export { type SeedOptions, seedRecords } from './seed-records.js';
