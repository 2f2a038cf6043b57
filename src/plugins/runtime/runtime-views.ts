import semver from 'semver';
import { PLATFORM_VERSION } from '../../config/index.js';
import type { DiscoveredModule } from '../discovery/index.js';
import { type DependencyStatus, dependencyStatuses } from '../graph/index.js';
import type { Manifest } from '../manifest/index.js';
import { type ModuleInfo, type RegistryModuleView, toAvailableModuleInfo, toModuleInfo } from './module-info.js';
import type { ModuleRuntimeOptions } from './module-runtime-options.js';
import type { RuntimeStateReader } from './runtime-state.js';

/** What GraphQL shows of the modules (`Module`, `modules`, the registered permissions), read from the state. */
export interface RuntimeViews {
  /** Every bundled or installed module, plus registry-only ones (AVAILABLE), by name. */
  list(): ModuleInfo[];
  /** One module, or null when no module of that name is bundled, installed or offered. */
  get(name: string): ModuleInfo | null;
  /** A bundled or installed module (the answer of an operation on it). */
  info(name: string): ModuleInfo;
  /** How the dependencies of `found` stand against the platform version and the other modules. */
  dependencyStatuses(found: DiscoveredModule): DependencyStatus[];
  /** The permissions enabled modules registered, sorted. */
  permissions(): { registered: readonly string[] };
}

export type RuntimeViewOptions = Pick<ModuleRuntimeOptions, 'platformVersion' | 'registryModules' | 'describeLicense'>;

/** Views over `state`; the registry and license parts come from `options` and are read on every call. */
export function createRuntimeViews(state: RuntimeStateReader, options: RuntimeViewOptions): RuntimeViews {
  const platformVersion = options.platformVersion ?? PLATFORM_VERSION;
  const registryModules = () => options.registryModules?.() ?? [];
  const statusesOf = (manifest: Pick<Manifest, 'dependencies'>) =>
    dependencyStatuses(manifest, platformVersion, (dependency) => {
      const live = state.live.get(dependency);
      if (live) return { version: live.version, enabled: true };
      const other = state.pick(dependency);
      return other ? { version: other.version, enabled: false } : undefined;
    });
  // A module only the registry offers, its dependencies checked against what is installed.
  const availableInfo = (offered: RegistryModuleView) => toAvailableModuleInfo(offered, statusesOf(offered));

  const info = (name: string): ModuleInfo => {
    const found = state.pick(name);
    const versions = [...new Set((state.found.get(name) ?? []).map((f) => f.version).filter((v): v is string => v !== null))];
    const record = state.records.get(name);
    const licenseRequired = found?.manifest?.license_required ?? false;
    const license = options.describeLicense?.({
      name,
      source: found?.source ?? record?.source ?? 'BUNDLED',
      licenseRequired,
      licenseKeyEncrypted: record?.licenseKeyEncrypted ?? null,
    });
    return toModuleInfo({
      registry: registryModules().find((m) => m.name === name),
      license,
      name,
      found,
      record,
      live: state.live.has(name),
      dependencies: found?.manifest ? statusesOf(found.manifest) : [],
      versions: versions.sort(semver.rcompare),
    });
  };

  return {
    list() {
      const local = [...new Set([...state.found.keys(), ...state.records.keys()])].map(info);
      const available = registryModules()
        .filter((m) => !state.isKnown(m.name))
        .map(availableInfo);
      return [...local, ...available].sort((a, b) => a.name.localeCompare(b.name));
    },
    get(name) {
      if (state.isKnown(name)) return info(name);
      const offered = registryModules().find((m) => m.name === name);
      return offered ? availableInfo(offered) : null;
    },
    info,
    dependencyStatuses: (found) => (found.manifest ? statusesOf(found.manifest) : []),
    permissions: () => ({ registered: state.permissions.registered() }),
  };
}
