import type { GraphQLSchema } from 'graphql';
import { platformError } from '../../errors/index.js';
import { assertNoEnabledDependents, disableModule } from './disable-module.js';
import { assertKnown } from './enable-module.js';
import type { RuntimeCore } from './runtime-core.js';

/**
 * Installer step for `uninstallModule`: disables the module live (DEPENDENTS_ENABLED while
 * enabled modules need it), forgets its record and, with `dropData`, drops its declared
 * collections and migration history. Deleting its files is the installer's job (then `refresh()`).
 * Bundled modules cannot be uninstalled (BAD_USER_INPUT).
 */
export async function removeModule(
  core: RuntimeCore,
  name: string,
  dropData: boolean,
  swap: (schema: GraphQLSchema) => void,
): Promise<void> {
  assertKnown(core, name);
  const installed = (core.state.found.get(name) ?? []).filter((f) => f.source === 'REGISTRY');
  if (installed.length === 0 && core.state.records.get(name)?.source !== 'REGISTRY') {
    throw platformError('BAD_USER_INPUT', `${name} is bundled with the platform and cannot be uninstalled; disable it instead.`, {
      details: { field: 'name' },
    });
  }
  const manifest = core.state.live.get(name)?.manifest ?? core.state.pick(name)?.manifest;
  const collections = manifest?.database_collections ?? [];
  assertNoEnabledDependents(core, name, 'uninstall');
  await disableModule(core, name, swap);
  await core.state.forgetRecord(name);
  if (dropData) {
    for (const collection of collections) await core.options.store.dropCollection(collection);
    await core.migrations.forget(name);
  }
  core.state.forgetInstalledFiles(name);
}
