import type { ModuleHandle } from '../../sdk/types.js';
import type { ResolverMap } from '../composer/index.js';
import type { DisposerStack } from '../handle/index.js';
import type { PreparedModule } from './prepare-module.js';

export type ModuleServiceMap = Record<string, (...args: never[]) => unknown>;

/** A prepared module bound to the platform for one enable: its handle, wrapped resolvers, services. */
export interface ModuleInstance extends PreparedModule {
  handle: ModuleHandle;
  disposers: DisposerStack;
  /** Its resolvers, each wrapped to receive the module context. */
  resolvers: ResolverMap;
  /** The services it exports to dependents; set by activation. */
  exports: ModuleServiceMap;
  loadedAt: Date | null;
}
