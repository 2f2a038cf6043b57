import { platformError } from '../../errors/index.js';
import { findSchemaConflicts } from '../composer/index.js';
import type { DiscoveredModule } from '../discovery/index.js';
import { isPlatformCollection } from '../handle/index.js';
import { instantiateModule, type ModuleInstance, prepareModule } from '../loader/index.js';
import type { RuntimeParts } from './runtime-parts.js';

/** DEPENDENCY_UNSATISFIED listing each unmet dependency, when there is one. */
export function assertDependenciesMet(parts: RuntimeParts, found: DiscoveredModule): void {
  const unmet = parts.views.dependencyStatuses(found).filter((status) => !status.satisfied);
  if (unmet.length === 0) return;
  throw platformError(
    'DEPENDENCY_UNSATISFIED',
    `Cannot enable ${found.name}: ${unmet.map((status) => status.problem).join('; ')}. Install or enable the dependencies first.`,
    { details: { module: found.name, dependencies: unmet.map(({ name, range, problem }) => ({ name, range, problem })) } },
  );
}

/**
 * MODULE_LOAD_FAILED when the manifest claims a platform collection or one a live module owns:
 * the scoped store would otherwise hand one module another's (or the platform's) documents.
 */
export function assertCollectionsAvailable(parts: RuntimeParts, found: DiscoveredModule): void {
  const problems: string[] = [];
  for (const collection of found.manifest?.database_collections ?? []) {
    if (isPlatformCollection(collection)) problems.push(`"${collection}" is reserved for the platform`);
    for (const other of parts.state.live.values()) {
      if (other.name !== found.name && other.manifest.database_collections.includes(collection)) {
        problems.push(`"${collection}" belongs to the enabled module ${other.name}`);
      }
    }
  }
  if (problems.length === 0) return;
  throw platformError(
    'MODULE_LOAD_FAILED',
    `Module ${found.name} cannot use these database_collections: ${problems.join('; ')}. Rename them in its manifest.json.`,
    { details: { module: found.name } },
  );
}

/**
 * The checks before a module runs any code of its own: dependencies → import and validate →
 * instance. Nothing is registered yet; the caller composes, then activates.
 */
export async function loadCandidate(parts: RuntimeParts, name: string): Promise<ModuleInstance> {
  const found = parts.state.pick(name);
  if (!found)
    throw platformError('MODULE_LOAD_FAILED', `The files of module ${name} are missing; reinstall it.`, { details: { module: name } });
  if (found.loadError || !found.manifest) {
    throw platformError('MODULE_LOAD_FAILED', found.loadError ?? `Module ${name} has no usable manifest.`, { details: { module: name } });
  }
  assertDependenciesMet(parts, found);
  assertCollectionsAvailable(parts, found);
  const prepared = await prepareModule(found);
  return instantiateModule(prepared, {
    store: parts.options.store,
    logger: parts.options.logger,
    permissions: parts.state.permissions,
    live: parts.state.live,
  });
}

/** SCHEMA_CONFLICT when `candidate` clashes with the core or a live module (cheap: no build). */
export function assertNoConflicts(parts: RuntimeParts, candidate: ModuleInstance): void {
  const sdl = [
    { owner: 'the core', document: parts.composition.coreDocument },
    ...[...parts.state.live.values(), candidate].map((m) => ({ owner: m.name, document: m.document })),
  ];
  const conflicts = findSchemaConflicts(sdl);
  if (conflicts.length > 0) {
    throw platformError(
      'SCHEMA_CONFLICT',
      `Cannot enable ${candidate.name}: ${conflicts.join('; ')}. Rename the types or fields in one of the modules.`,
      {
        details: { module: candidate.name, conflicts },
      },
    );
  }
}
