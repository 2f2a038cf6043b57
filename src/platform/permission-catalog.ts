import type { PermissionCatalog } from '../auth/index.js';
import type { ModuleRuntime } from '../plugins/index.js';

/**
 * What access control needs to know about modules, read from the runtime on each call (so an
 * install, enable or uninstall is seen at once).
 */
export function createPermissionCatalog(
  runtime: Pick<ModuleRuntime, 'list' | 'permissions'>,
): PermissionCatalog & { live(): readonly string[] } {
  const installed = () => runtime.list().filter((module) => module.installed);
  return {
    declared: () => installed().flatMap((module) => module.permissions.map((name) => ({ name, module: module.name }))),
    seatLimits: () =>
      installed().flatMap((module) =>
        module.licenseType === 'PER_USER' && module.license?.seats
          ? [{ module: module.name, permissions: module.permissions, seats: module.license.seats }]
          : [],
      ),
    live: () => runtime.permissions().registered,
  };
}
