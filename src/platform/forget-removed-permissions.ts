import type { PermissionCatalog, UserManagement } from '../auth/index.js';
import type { Logger } from '../logging/index.js';
import type { ModuleEventBus } from '../plugins/operations/module-event-bus.js';

/**
 * After every module operation that succeeded, the permissions the module declared before and no
 * installed module declares now (it was uninstalled, or an upgrade dropped them) leave every role
 * and grant, so a later reinstall does not silently give them back. Returns a stopper.
 */
export function forgetRemovedPermissions(
  events: ModuleEventBus,
  catalog: PermissionCatalog,
  management: UserManagement,
  logger: Logger,
): () => void {
  const byModule = () => {
    const map = new Map<string, string[]>();
    for (const { name, module } of catalog.declared()) map.set(module, [...(map.get(module) ?? []), name]);
    return map;
  };
  let known = byModule();
  const iterator = events.subscribe()[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const event = next.value;
      if (event.status === 'RUNNING') continue;
      const now = byModule();
      const before = known.get(event.module) ?? [];
      known = new Map([...known, ...now]);
      if (event.status !== 'SUCCEEDED') continue;
      if (!now.has(event.module)) known.delete(event.module);
      await management
        .forgetPermissions(before)
        .catch((error: unknown) =>
          logger.error({ err: error, module: event.module }, 'could not remove the permissions of a removed module'),
        );
    }
  })();
  return () => void iterator.return?.();
}
