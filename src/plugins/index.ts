export { AUDIT_LOG_COLLECTION, type AuditEntry, type AuditLogRepository, createAuditLogRepository } from './audit/index.js';
export { composeSchema, findSchemaConflicts } from './composer/index.js';
export { type DiscoveredModule, type DiscoverModulesOptions, discoverModules, type ModuleSource } from './discovery/index.js';
export { dependencyStatuses, enabledDependents, topologicalOrder } from './graph/index.js';
export {
  type ActivateInstalledOptions,
  createModuleRuntime,
  type LicenseStatusView,
  type ModuleInfo,
  type ModuleRuntime,
  type ModuleRuntimeOptions,
  type ModuleState,
  type OperationResult,
  type RegistryModuleView,
} from './runtime/index.js';
export { INSTALLED_MODULES_COLLECTION, type InstalledModuleRecord, MODULE_MIGRATIONS_COLLECTION } from './state/index.js';
