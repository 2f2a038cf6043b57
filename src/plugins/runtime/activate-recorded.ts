import { activateModule, deactivateModule, type ModuleInstance } from '../loader/index.js';
import type { InstalledModulePatch } from '../state/index.js';
import type { RuntimeParts } from './runtime-parts.js';

/**
 * Runs a loaded module's activation (migrations, `onEnable`), records it, and only then makes it
 * live: when the store refuses the record, the module is stopped again, so neither the records
 * nor the live state nor the schema say it runs. Enable and start-up share it.
 */
export async function activateRecorded(parts: RuntimeParts, instance: ModuleInstance, record: InstalledModulePatch): Promise<void> {
  const hookTimeoutMs = parts.options.config.limits.moduleHookTimeoutMs;
  await activateModule(instance, { migrations: parts.migrations, hookTimeoutMs });
  try {
    await parts.state.saveRecord(instance.name, record);
  } catch (error) {
    await deactivateModule(instance, hookTimeoutMs);
    throw error;
  }
  parts.state.markLive(instance);
}
