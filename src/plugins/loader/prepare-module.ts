import type { DocumentNode } from 'graphql';
import { platformError } from '../../errors/index.js';
import type { ModuleDefinition } from '../../sdk/types.js';
import type { DiscoveredModule, ModuleSource } from '../discovery/index.js';
import type { Manifest } from '../manifest/index.js';
import { assertResolversMatchSdl } from './assert-resolvers-match-sdl.js';
import { importModuleEntry } from './import-module-entry.js';
import { parseModuleSdl } from './parse-module-sdl.js';
import { validateModuleDefinition } from './validate-module-definition.js';

/** A module whose code is imported and checked, but that has not run anything yet. */
export interface PreparedModule {
  name: string;
  version: string;
  source: ModuleSource;
  manifest: Manifest;
  definition: ModuleDefinition;
  /** Its typeDefs, parsed once here. */
  document: DocumentNode;
}

/**
 * Load steps without side effects on the platform: import the entry (version-qualified URL) →
 * validate the default export → parse the SDL → check resolvers match it.
 * Throws MODULE_LOAD_FAILED with the reason.
 */
export async function prepareModule(found: DiscoveredModule): Promise<PreparedModule> {
  const { name, manifest, entryPath } = found;
  if (found.loadError || !manifest || !entryPath) {
    throw platformError('MODULE_LOAD_FAILED', found.loadError ?? `Module ${name} has no usable manifest.`, { details: { module: name } });
  }
  const exported = await importModuleEntry(name, entryPath, manifest.version);
  const definition = validateModuleDefinition(name, exported);
  const document = parseModuleSdl(name, definition.typeDefs);
  assertResolversMatchSdl(name, definition.resolvers as Record<string, unknown> | undefined, document);
  return { name, version: manifest.version, source: found.source, manifest, definition, document };
}
