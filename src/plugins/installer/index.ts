export { createModuleInstaller, type ModuleInstaller } from './create-module-installer.js';
export type { InstallerDeps, RegistrySource } from './installer-deps.js';
export type { LicenseStatusBook } from './license-status-book.js';
export { type RecoveryDeps, recoverInterruptedOperations } from './recover-interrupted-operations.js';
