import type { ModuleMigrationsRepository } from '../state/index.js';
import type { ModuleRuntimeOptions } from './module-runtime-options.js';
import type { RuntimeComposition } from './runtime-composition.js';
import type { RuntimeState } from './runtime-state.js';
import type { RuntimeViews } from './runtime-views.js';

/**
 * What every runtime operation (enable, disable, activate, remove, restore) works on, each part
 * with one job. Built by `start()`, since composing needs the core resolvers.
 */
export interface RuntimeParts {
  readonly options: ModuleRuntimeOptions;
  /** What is found, recorded and live; the only code that changes it. */
  readonly state: RuntimeState;
  /** What GraphQL shows of the state: the answer of every operation. */
  readonly views: RuntimeViews;
  /** Core SDL and resolvers + modules → schema. */
  readonly composition: RuntimeComposition;
  /** The migrations each module ran (activation runs the rest). */
  readonly migrations: ModuleMigrationsRepository;
}
