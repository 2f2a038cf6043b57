import { type DocumentNode, type GraphQLSchema, Kind, parse } from 'graphql';
import semver from 'semver';
import { PLATFORM_VERSION } from '../../config/index.js';
import { type AuditLogRepository, createAuditLogRepository } from '../audit/index.js';
import { composeSchema, type ResolverMap } from '../composer/index.js';
import type { DiscoveredModule } from '../discovery/index.js';
import { type DependencyStatus, dependencyStatuses } from '../graph/index.js';
import { createPermissionRegistry, type PermissionRegistry } from '../handle/index.js';
import type { ModuleInstance } from '../loader/index.js';
import type { Manifest } from '../manifest/index.js';
import {
  createInstalledModulesRepository,
  createModuleMigrationsRepository,
  type InstalledModuleRecord,
  type InstalledModulesRepository,
  type ModuleMigrationsRepository,
} from '../state/index.js';
import { type ModuleInfo, type RegistryModuleView, toAvailableModuleInfo, toModuleInfo } from './module-info.js';
import type { ModuleRuntimeOptions } from './module-runtime-options.js';

/** The runtime's state and the helpers every operation shares. */
export interface RuntimeCore {
  readonly options: ModuleRuntimeOptions;
  readonly platformVersion: string;
  readonly coreDocument: DocumentNode;
  coreResolvers: ResolverMap;
  /** Every module directory found, by name (several when versions/sources differ). */
  found: Map<string, DiscoveredModule[]>;
  records: Map<string, InstalledModuleRecord>;
  /** Live modules in load order (dependencies first). */
  live: Map<string, ModuleInstance>;
  readonly permissions: PermissionRegistry;
  readonly installed: InstalledModulesRepository;
  readonly migrations: ModuleMigrationsRepository;
  readonly audit: AuditLogRepository;
  /** The files to load for `name`: the recorded version/source, else the newest install, else bundled. */
  pick(name: string): DiscoveredModule | undefined;
  isKnown(name: string): boolean;
  dependencyStatuses(found: DiscoveredModule): DependencyStatus[];
  compose(modules: Iterable<ModuleInstance>): GraphQLSchema;
  info(name: string): ModuleInfo;
  /** A module only the registry offers, its dependencies checked against what is installed. */
  availableInfo(offered: RegistryModuleView): ModuleInfo;
  saveRecord(name: string, patch: Partial<InstalledModuleRecord>): Promise<void>;
}

function parseCore(typeDefs: string | readonly string[]): DocumentNode {
  const parts = typeof typeDefs === 'string' ? [typeDefs] : typeDefs;
  return { kind: Kind.DOCUMENT, definitions: parts.flatMap((part) => parse(part).definitions) };
}

function newestFirst(a: DiscoveredModule, b: DiscoveredModule): number {
  if (a.source !== b.source) return a.source === 'REGISTRY' ? -1 : 1;
  return semver.rcompare(semver.valid(a.version) ?? '0.0.0', semver.valid(b.version) ?? '0.0.0');
}

export function createRuntimeCore(options: ModuleRuntimeOptions): RuntimeCore {
  const statusesOf = (manifest: Pick<Manifest, 'dependencies'>) =>
    dependencyStatuses(manifest, core.platformVersion, (dependency) => {
      const live = core.live.get(dependency);
      if (live) return { version: live.version, enabled: true };
      const other = core.pick(dependency);
      return other ? { version: other.version, enabled: false } : undefined;
    });
  const core: RuntimeCore = {
    options,
    platformVersion: options.platformVersion ?? PLATFORM_VERSION,
    coreDocument: parseCore(options.core.typeDefs),
    coreResolvers: {},
    found: new Map(),
    records: new Map(),
    live: new Map(),
    permissions: createPermissionRegistry(),
    installed: createInstalledModulesRepository(options.store),
    migrations: createModuleMigrationsRepository(options.store),
    audit: createAuditLogRepository(options.store),
    pick(name) {
      const candidates = [...(core.found.get(name) ?? [])].sort(newestFirst);
      const record = core.records.get(name);
      const recorded =
        record && candidates.find((c) => c.source === record.source && (record.version === null || c.version === record.version));
      return recorded ?? candidates[0];
    },
    isKnown: (name) => core.found.has(name) || core.records.has(name),
    dependencyStatuses: (found) => (found.manifest ? statusesOf(found.manifest) : []),
    availableInfo: (offered) => toAvailableModuleInfo(offered, statusesOf(offered)),
    compose(modules) {
      return composeSchema({
        core: { document: core.coreDocument, resolvers: core.coreResolvers },
        modules: [...modules].map((m) => ({ name: m.name, document: m.document, resolvers: m.resolvers })),
      });
    },
    info(name) {
      const found = core.pick(name);
      const versions = [...new Set((core.found.get(name) ?? []).map((f) => f.version).filter((v): v is string => v !== null))];
      const record = core.records.get(name);
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
        live: core.live.has(name),
        dependencies: found ? core.dependencyStatuses(found) : [],
        versions: versions.sort(semver.rcompare),
      });
    },
    async saveRecord(name, patch) {
      const record = core.records.get(name);
      if (record) {
        await core.installed.update(name, patch);
        core.records.set(name, { ...record, ...patch });
        return;
      }
      // A module found after start (refresh) has no record yet: create it, so its state persists.
      const found = core.pick(name);
      if (!found) return;
      const created = await core.installed.insert({
        name,
        version: found.version,
        source: found.source,
        enabled: false,
        installedAt: new Date(),
        installedBy: 'system',
        lastLoadedAt: null,
        loadError: null,
        licenseKeyEncrypted: null,
        ...patch,
      });
      core.records.set(name, created);
    },
  };
  return core;
}
