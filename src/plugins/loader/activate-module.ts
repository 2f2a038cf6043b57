import { platformError } from '../../errors/index.js';
import type { ModuleMigrationsRepository } from '../state/index.js';
import type { ModuleInstance, ModuleServiceMap } from './module-instance.js';
import { withTimeout } from './with-timeout.js';

export interface ActivateOptions {
  migrations: ModuleMigrationsRepository;
  /** `config.limits.moduleHookTimeoutMs`: for each migration, `services()` and `onEnable`. */
  hookTimeoutMs: number;
}

async function runMigrations(instance: ModuleInstance, options: ActivateOptions): Promise<void> {
  for (const migration of instance.definition.migrations ?? []) {
    if (await options.migrations.hasRun(instance.name, migration.id)) continue;
    await withTimeout(`Migration "${migration.id}" of module ${instance.name}`, options.hookTimeoutMs, () => migration.up(instance.handle));
    await options.migrations.record(instance.name, migration.id, instance.version);
  }
}

async function buildServices(instance: ModuleInstance, options: ActivateOptions): Promise<ModuleServiceMap> {
  const factory = instance.definition.services;
  if (!factory) return {};
  const services = await withTimeout(`services() of module ${instance.name}`, options.hookTimeoutMs, () => factory(instance.handle));
  const valid = typeof services === 'object' && services !== null && Object.values(services).every((fn) => typeof fn === 'function');
  if (!valid) throw platformError('MODULE_LOAD_FAILED', `Module ${instance.name}: services() must return an object of functions.`);
  return Object.freeze({ ...services });
}

/**
 * Runs a module's side effects, in order: pending migrations (each id once) → `services()` →
 * `onEnable(handle)`, each under the hook timeout. On any failure every disposer the module
 * registered is run, so nothing of it stays behind, and MODULE_LOAD_FAILED is thrown.
 */
export async function activateModule(instance: ModuleInstance, options: ActivateOptions): Promise<void> {
  try {
    await runMigrations(instance, options);
    instance.exports = await buildServices(instance, options);
    const onEnable = instance.definition.onEnable;
    if (onEnable) await withTimeout(`onEnable of module ${instance.name}`, options.hookTimeoutMs, () => onEnable(instance.handle));
    instance.loadedAt = new Date();
  } catch (error) {
    await instance.disposers.runAll();
    throw error;
  }
}
