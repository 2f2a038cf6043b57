import { type DocumentNode, type GraphQLSchema, Kind, parse } from 'graphql';
import semver from 'semver';
import { PLATFORM_VERSION } from '../../config/index.js';
import { composeSchema, type ResolverMap } from '../composer/index.js';
import type { DiscoveredModule } from '../discovery/index.js';
import { type DependencyStatus, dependencyStatuses } from '../graph/index.js';
import type { ModuleInstance } from '../loader/index.js';
import type { Manifest } from '../manifest/index.js';
import { createInstalledModulesRepository, createModuleMigrationsRepository, type ModuleMigrationsRepository } from '../state/index.js';
import { type ModuleInfo, type RegistryModuleView, toAvailableModuleInfo, toModuleInfo } from './module-info.js';
import type { ModuleRuntimeOptions } from './module-runtime-options.js';
import { createRuntimeState, type RuntimeState } from './runtime-state.js';

/** The runtime's state and the helpers every operation shares. */
export interface RuntimeCore {
  readonly options: ModuleRuntimeOptions;
  readonly platformVersion: string;
  readonly coreDocument: DocumentNode;
  coreResolvers: ResolverMap;
  /** What is found, recorded and live; the only code that changes it. */
  readonly state: RuntimeState;
  readonly migrations: ModuleMigrationsRepository;
  dependencyStatuses(found: DiscoveredModule): DependencyStatus[];
  compose(modules: Iterable<ModuleInstance>): GraphQLSchema;
  info(name: string): ModuleInfo;
  /** A module only the registry offers, its dependencies checked against what is installed. */
  availableInfo(offered: RegistryModuleView): ModuleInfo;
}

function parseCore(typeDefs: string | readonly string[]): DocumentNode {
  const parts = typeof typeDefs === 'string' ? [typeDefs] : typeDefs;
  return { kind: Kind.DOCUMENT, definitions: parts.flatMap((part) => parse(part).definitions) };
}

export function createRuntimeCore(options: ModuleRuntimeOptions): RuntimeCore {
  const state = createRuntimeState(createInstalledModulesRepository(options.store));
  const statusesOf = (manifest: Pick<Manifest, 'dependencies'>) =>
    dependencyStatuses(manifest, core.platformVersion, (dependency) => {
      const live = state.live.get(dependency);
      if (live) return { version: live.version, enabled: true };
      const other = state.pick(dependency);
      return other ? { version: other.version, enabled: false } : undefined;
    });
  const core: RuntimeCore = {
    options,
    platformVersion: options.platformVersion ?? PLATFORM_VERSION,
    coreDocument: parseCore(options.core.typeDefs),
    coreResolvers: {},
    state,
    migrations: createModuleMigrationsRepository(options.store),
    dependencyStatuses: (found) => (found.manifest ? statusesOf(found.manifest) : []),
    availableInfo: (offered) => toAvailableModuleInfo(offered, statusesOf(offered)),
    compose(modules) {
      return composeSchema({
        core: { document: core.coreDocument, resolvers: core.coreResolvers },
        modules: [...modules].map((m) => ({ name: m.name, document: m.document, resolvers: m.resolvers })),
      });
    },
    info(name) {
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
        registry: options.registryModules?.().find((m) => m.name === name),
        license,
        name,
        found,
        record,
        live: state.live.has(name),
        dependencies: found ? core.dependencyStatuses(found) : [],
        versions: versions.sort(semver.rcompare),
      });
    },
  };
  return core;
}
