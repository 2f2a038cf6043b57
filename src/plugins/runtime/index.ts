export type { ActivateInstalledOptions } from './activate-installed.js';
export { createModuleRuntime } from './create-module-runtime.js';
export type { LicenseStatusView, LicenseTypeName, ModuleInfo, ModuleState, RegistryModuleView } from './module-info.js';
export type { ModuleRuntime, OperationResult } from './module-runtime.js';
export type { ModuleRuntimeOptions } from './module-runtime-options.js';
