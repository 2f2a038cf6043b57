import type { GraphQLSchema } from 'graphql';
import { platformError } from '../../errors/index.js';
import { assertNoEnabledDependents, disableModule } from './disable-module.js';
import { assertKnown } from './enable-module.js';
import type { RuntimeParts } from './runtime-parts.js';

/**
 * Installer step for `uninstallModule`: disables the module live (DEPENDENTS_ENABLED while
 * enabled modules need it), forgets its record and, with `dropData`, drops its declared
 * collections and migration history. Deleting its files is the installer's job (then `refresh()`).
 * Bundled modules cannot be uninstalled (BAD_USER_INPUT).
 */
export async function removeModule(
  parts: RuntimeParts,
  name: string,
  dropData: boolean,
  swap: (schema: GraphQLSchema) => void,
): Promise<void> {
  assertKnown(parts, name);
  const installed = (parts.state.found.get(name) ?? []).filter((f) => f.source === 'REGISTRY');
  if (installed.length === 0 && parts.state.records.get(name)?.source !== 'REGISTRY') {
    throw platformError('BAD_USER_INPUT', `${name} is bundled with the platform and cannot be uninstalled; disable it instead.`, {
      details: { field: 'name' },
    });
  }
  const manifest = parts.state.live.get(name)?.manifest ?? parts.state.pick(name)?.manifest;
  const collections = manifest?.database_collections ?? [];
  assertNoEnabledDependents(parts, name, 'uninstall');
  await disableModule(parts, name, swap);
  await parts.state.forgetRecord(name);
  if (dropData) {
    for (const collection of collections) await parts.options.store.dropCollection(collection);
    await parts.migrations.forget(name);
  }
  parts.state.forgetInstalledFiles(name);
}
