import type { ModuleInfo } from '../runtime/index.js';
import { type InstallRequest, installModule } from './install-module.js';
import type { InstallerDeps } from './installer-deps.js';
import { createLicenseStatusBook, type LicenseStatusBook } from './license-status-book.js';
import { setModuleLicense } from './set-module-license.js';
import { toggleModule } from './toggle-module.js';
import { uninstallModule } from './uninstall-module.js';
import { type UpgradeRequest, upgradeModule } from './upgrade-module.js';

export interface ModuleInstaller {
  install(request: InstallRequest, actor: string): Promise<ModuleInfo>;
  upgrade(request: UpgradeRequest, actor: string): Promise<ModuleInfo>;
  uninstall(name: string, dropData: boolean, actor: string): Promise<boolean>;
  setLicense(name: string, licenseKey: string, actor: string): Promise<ModuleInfo>;
  enable(name: string, actor: string): Promise<ModuleInfo>;
  disable(name: string, actor: string): Promise<ModuleInfo>;
  readonly licenses: LicenseStatusBook;
}

/**
 * Every module operation (install, upgrade, uninstall, enable, disable, license change and the
 * license enforcer's disable), each run in the one operation frame, over one set of dependencies.
 */
export function createModuleInstaller(deps: InstallerDeps): ModuleInstaller {
  const licenses = createLicenseStatusBook(deps);
  return {
    licenses,
    enable: (name, actor) => toggleModule(deps, 'ENABLE', name, actor),
    disable: (name, actor) => toggleModule(deps, 'DISABLE', name, actor),
    async install(request, actor) {
      const info = await installModule(deps, request, actor);
      await licenses.check(request.name);
      return deps.runtime.get(request.name) ?? info;
    },
    async upgrade(request, actor) {
      const info = await upgradeModule(deps, request, actor);
      await licenses.check(request.name);
      return deps.runtime.get(request.name) ?? info;
    },
    uninstall: (name, dropData, actor) => uninstallModule(deps, name, dropData, actor),
    setLicense: (name, key, actor) => setModuleLicense(deps, licenses, name, key, actor),
  };
}
