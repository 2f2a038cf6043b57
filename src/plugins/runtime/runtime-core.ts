import { type DocumentNode, type GraphQLSchema, Kind, parse } from 'graphql';
import { composeSchema, type ResolverMap } from '../composer/index.js';
import type { ModuleInstance } from '../loader/index.js';
import { createInstalledModulesRepository, createModuleMigrationsRepository, type ModuleMigrationsRepository } from '../state/index.js';
import type { ModuleRuntimeOptions } from './module-runtime-options.js';
import { createRuntimeState, type RuntimeState } from './runtime-state.js';
import { createRuntimeViews, type RuntimeViews } from './runtime-views.js';

/** The runtime's state and the helpers every operation shares. */
export interface RuntimeCore {
  readonly options: ModuleRuntimeOptions;
  readonly coreDocument: DocumentNode;
  coreResolvers: ResolverMap;
  /** What is found, recorded and live; the only code that changes it. */
  readonly state: RuntimeState;
  /** What GraphQL shows of it. */
  readonly views: RuntimeViews;
  readonly migrations: ModuleMigrationsRepository;
  compose(modules: Iterable<ModuleInstance>): GraphQLSchema;
}

function parseCore(typeDefs: string | readonly string[]): DocumentNode {
  const parts = typeof typeDefs === 'string' ? [typeDefs] : typeDefs;
  return { kind: Kind.DOCUMENT, definitions: parts.flatMap((part) => parse(part).definitions) };
}

export function createRuntimeCore(options: ModuleRuntimeOptions): RuntimeCore {
  const state = createRuntimeState(createInstalledModulesRepository(options.store));
  const core: RuntimeCore = {
    options,
    coreDocument: parseCore(options.core.typeDefs),
    coreResolvers: {},
    state,
    views: createRuntimeViews(state, options),
    migrations: createModuleMigrationsRepository(options.store),
    compose(modules) {
      return composeSchema({
        core: { document: core.coreDocument, resolvers: core.coreResolvers },
        modules: [...modules].map((m) => ({ name: m.name, document: m.document, resolvers: m.resolvers })),
      });
    },
  };
  return core;
}
