import type { GraphQLSchema } from 'graphql';
import semver from 'semver';
import { isPlatformError, platformError } from '../../errors/index.js';
import { activateModule, deactivateModule, instantiateModule, type ModuleInstance, prepareModule } from '../loader/index.js';
import type { InstalledModulePatch } from '../state/index.js';
import { assertCollectionsAvailable, assertDependenciesMet } from './load-into-runtime.js';
import type { OperationResult } from './module-runtime.js';
import { refreshDiscovery } from './restore-enabled-modules.js';
import type { RuntimeCore } from './runtime-core.js';

export interface ActivateInstalledOptions {
  /** Email of the admin installing, recorded as `installedBy` on a first install. */
  actor: string;
  /** Already encrypted (never the key itself); kept as is when omitted. */
  licenseKeyEncrypted?: string | null;
}

function assertDependentsAccept(core: RuntimeCore, name: string, version: string): void {
  const refusing = [...core.state.live.values()].filter((m) => {
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
function persist(core: RuntimeCore, instance: ModuleInstance, options: ActivateInstalledOptions): Promise<void> {
  const patch: InstalledModulePatch = {
    version: instance.version,
    source: 'REGISTRY',
    enabled: true,
    lastLoadedAt: instance.loadedAt,
    loadError: null,
    ...(options.licenseKeyEncrypted !== undefined ? { licenseKeyEncrypted: options.licenseKeyEncrypted } : {}),
  };
  return core.state.saveRecord(instance.name, patch, options.actor);
}

/** Re-enables the previous version after a failed upgrade; if even that fails, takes it out live. */
async function restoreOld(core: RuntimeCore, old: ModuleInstance, timeout: number, swap: (schema: GraphQLSchema) => void): Promise<void> {
  try {
    await activateModule(old, { migrations: core.migrations, hookTimeoutMs: timeout });
  } catch (error) {
    core.state.markStopped(old.name);
    swap(core.compose(core.state.live.values()));
    await core.state.saveRecord(old.name, {
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
  core: RuntimeCore,
  name: string,
  version: string,
  options: ActivateInstalledOptions,
  swap: (schema: GraphQLSchema) => void,
): Promise<OperationResult> {
  await refreshDiscovery(core);
  const found = core.state.found.get(name)?.find((f) => f.source === 'REGISTRY' && f.version === version);
  if (!found)
    throw platformError('NOT_INSTALLED', `No files of ${name}@${version} were found under the modules directory.`, {
      details: { module: name },
    });
  if (found.loadError) throw platformError('MODULE_LOAD_FAILED', found.loadError, { details: { module: name } });
  const old = core.state.live.get(name);
  assertDependentsAccept(core, name, version);
  assertDependenciesMet(core, found);
  assertCollectionsAvailable(core, found);
  const instance = instantiateModule(await prepareModule(found), {
    store: core.options.store,
    logger: core.options.logger,
    permissions: core.state.permissions,
    live: core.state.live,
  });
  const schema = core.compose([...core.state.live.values()].filter((m) => m !== old).concat(instance));
  const timeout = core.options.config.limits.moduleHookTimeoutMs;
  if (old) await deactivateModule(old, timeout);
  try {
    await activateModule(instance, { migrations: core.migrations, hookTimeoutMs: timeout });
  } catch (error) {
    if (old) await restoreOld(core, old, timeout, swap);
    if (isPlatformError(error)) throw error;
    throw platformError('MODULE_LOAD_FAILED', `Module ${name}@${version} could not be enabled: ${(error as Error)?.message}`, {
      cause: error,
    });
  }
  // Persisted before it is made live: a store failure stops the new version and brings the old one back.
  try {
    await persist(core, instance, options);
  } catch (error) {
    await deactivateModule(instance, timeout);
    if (old) await restoreOld(core, old, timeout, swap);
    throw error;
  }
  if (old) core.state.markStopped(name);
  core.state.markLive(instance);
  swap(schema);
  return { info: core.views.info(name), changed: true };
}
