export { bindHandleToUser } from './bind-handle-to-user.js';
export { createModuleHandle, type ModuleHandleOptions, type OwnedModuleHandle } from './create-module-handle.js';
export { createScopedStore } from './create-scoped-store.js';
export { createDisposerStack, type DisposerStack } from './disposer-stack.js';
export { createPermissionRegistry, type PermissionChecks, type PermissionRegistry } from './permission-registry.js';
export { isPlatformCollection, PLATFORM_COLLECTIONS } from './platform-collections.js';
