import type { GraphQLSchema } from 'graphql';
import semver from 'semver';
import { isPlatformError, platformError } from '../../errors/index.js';
import { activateModule, deactivateModule, instantiateModule, type ModuleInstance, prepareModule } from '../loader/index.js';
import type { InstalledModulePatch } from '../state/index.js';
import { assertCollectionsAvailable, assertDependenciesMet } from './load-into-runtime.js';
import type { OperationResult } from './module-runtime.js';
import { refreshDiscovery } from './refresh-discovery.js';
import type { RuntimeParts } from './runtime-parts.js';

export interface ActivateInstalledOptions {
  /** Email of the admin installing, recorded as `installedBy` on a first install. */
  actor: string;
  /** Already encrypted (never the key itself); kept as is when omitted. */
  licenseKeyEncrypted?: string | null;
}

function assertDependentsAccept(parts: RuntimeParts, name: string, version: string): void {
  const refusing = [...parts.state.live.values()].filter((m) => {
    const range = m.name !== name ? m.manifest.dependencies[name] : undefined;
    return range !== undefined && !semver.satisfies(version, range, { includePrerelease: true });
  });
  if (refusing.length === 0) return;
  const list = refusing.map((m) => `${m.name} needs ${name} ${m.manifest.dependencies[name]}`).join('; ');
  throw platformError('DEPENDENTS_ENABLED', `Cannot switch ${name} to ${version}: ${list}. Disable or upgrade them first.`, {
    details: { module: name, dependents: refusing.map((m) => m.name) },
  });
}

/** The record of a registry install; created (installedBy the actor) on a first install. */
function persist(parts: RuntimeParts, instance: ModuleInstance, options: ActivateInstalledOptions): Promise<void> {
  const patch: InstalledModulePatch = {
    version: instance.version,
    source: 'REGISTRY',
    enabled: true,
    lastLoadedAt: instance.loadedAt,
    loadError: null,
    ...(options.licenseKeyEncrypted !== undefined ? { licenseKeyEncrypted: options.licenseKeyEncrypted } : {}),
  };
  return parts.state.saveRecord(instance.name, patch, options.actor);
}

/** Re-enables the previous version after a failed upgrade; if even that fails, takes it out live. */
async function restoreOld(parts: RuntimeParts, old: ModuleInstance, timeout: number, swap: (schema: GraphQLSchema) => void): Promise<void> {
  try {
    await activateModule(old, { migrations: parts.migrations, hookTimeoutMs: timeout });
  } catch (error) {
    parts.state.markStopped(old.name);
    swap(parts.composition.compose(parts.state.live.values()));
    await parts.state.saveRecord(old.name, {
      loadError: `Restoring ${old.name}@${old.version} after a failed upgrade failed: ${(error as Error).message}`,
    });
  }
}

/**
 * Installer step LOAD + ACTIVATE: makes the files the installer moved to
 * `<installedDir>/<name>/<version>/` live, as a first install or an in-place upgrade. The old
 * version (if live) is disabled only after the new one imported and composed; if the new one
 * fails in its migrations or onEnable, the old one is enabled again and the schema never changed.
 */
export async function activateInstalled(
  parts: RuntimeParts,
  name: string,
  version: string,
  options: ActivateInstalledOptions,
  swap: (schema: GraphQLSchema) => void,
): Promise<OperationResult> {
  await refreshDiscovery(parts);
  const found = parts.state.found.get(name)?.find((f) => f.source === 'REGISTRY' && f.version === version);
  if (!found)
    throw platformError('NOT_INSTALLED', `No files of ${name}@${version} were found under the modules directory.`, {
      details: { module: name },
    });
  if (found.loadError) throw platformError('MODULE_LOAD_FAILED', found.loadError, { details: { module: name } });
  const old = parts.state.live.get(name);
  assertDependentsAccept(parts, name, version);
  assertDependenciesMet(parts, found);
  assertCollectionsAvailable(parts, found);
  const instance = instantiateModule(await prepareModule(found), {
    store: parts.options.store,
    logger: parts.options.logger,
    permissions: parts.state.permissions,
    live: parts.state.live,
  });
  const schema = parts.composition.compose([...parts.state.live.values()].filter((m) => m !== old).concat(instance));
  const timeout = parts.options.config.limits.moduleHookTimeoutMs;
  if (old) await deactivateModule(old, timeout);
  try {
    await activateModule(instance, { migrations: parts.migrations, hookTimeoutMs: timeout });
  } catch (error) {
    if (old) await restoreOld(parts, old, timeout, swap);
    if (isPlatformError(error)) throw error;
    throw platformError('MODULE_LOAD_FAILED', `Module ${name}@${version} could not be enabled: ${(error as Error)?.message}`, {
      cause: error,
    });
  }
  // Persisted before it is made live: a store failure stops the new version and brings the old one back.
  try {
    await persist(parts, instance, options);
  } catch (error) {
    await deactivateModule(instance, timeout);
    if (old) await restoreOld(parts, old, timeout, swap);
    throw error;
  }
  if (old) parts.state.markStopped(name);
  parts.state.markLive(instance);
  swap(schema);
  return { info: parts.views.info(name), changed: true };
}
