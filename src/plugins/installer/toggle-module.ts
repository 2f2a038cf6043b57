import { runModuleOperation } from '../operations/run-module-operation.js';
import type { ModuleInfo } from '../runtime/index.js';
import type { InstallerDeps } from './installer-deps.js';

/**
 * `enableModule` / `disableModule`: the runtime's live switch inside the operation frame. A switch
 * that had nothing to do is audited NO_OP.
 */
export async function toggleModule(deps: InstallerDeps, kind: 'ENABLE' | 'DISABLE', name: string, actor: string): Promise<ModuleInfo> {
  return runModuleOperation(deps, { module: name, kind, actor, fromVersion: null }, async (operation) => {
    await operation.step('ACTIVATE', `${kind === 'ENABLE' ? 'Enabling' : 'Disabling'} ${name}`);
    const { info, changed } = kind === 'ENABLE' ? await deps.runtime.enable(name) : await deps.runtime.disable(name);
    return { result: info, details: { version: info.version }, outcome: changed ? 'SUCCEEDED' : 'NO_OP' };
  });
}
