import { rm } from 'node:fs/promises';
import path from 'node:path';
import { platformError } from '../../errors/index.js';
import { runModuleOperation } from '../operations/run-module-operation.js';
import type { InstallerDeps } from './installer-deps.js';

/**
 * `uninstallModule`: refused while enabled modules depend on it (DEPENDENTS_ENABLED) and for
 * bundled modules (BAD_USER_INPUT); disables it live, forgets its record, removes its files, and
 * drops its collections only with `dropData`.
 */
export async function uninstallModule(deps: InstallerDeps, name: string, dropData: boolean, actor: string): Promise<boolean> {
  return runModuleOperation(
    deps,
    { module: name, kind: 'UNINSTALL', actor, fromVersion: deps.runtime.get(name)?.version ?? null },
    async (operation) => {
      const info = deps.runtime.get(name);
      if (!info?.installed) throw platformError('NOT_INSTALLED', `${name} is not installed.`, { details: { module: name } });
      await operation.step('ACTIVATE', `Disabling ${name} and removing its record${dropData ? ' and data' : ''}`);
      await deps.runtime.remove(name, { dropData });
      await deps.onModuleRemoved?.(name, info.permissions);
      await operation.step('CLEANUP', `Removing the files of ${name}`);
      if (info.source === 'REGISTRY') await rm(path.join(deps.installedDir, name), { recursive: true, force: true });
      await deps.safety?.forget(name);
      await deps.runtime.refresh();
      return { result: true, details: { fromVersion: info.version, dropData } };
    },
  );
}
