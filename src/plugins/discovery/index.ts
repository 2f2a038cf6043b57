export { type DiscoverModulesOptions, discoverModules } from './discover-modules.js';
export type { DiscoveredModule, ModuleSource } from './discovered-module.js';
