import type { GraphQLSchema } from 'graphql';
import { isPlatformError, platformError } from '../../errors/index.js';
import { activateRecorded } from './activate-recorded.js';
import { assertNoConflicts, loadCandidate } from './load-into-runtime.js';
import type { OperationResult } from './module-runtime.js';
import type { RuntimeParts } from './runtime-parts.js';

export function assertKnown(parts: Pick<RuntimeParts, 'options' | 'state'>, name: string): void {
  if (!parts.state.isKnown(name) && parts.options.registryModules?.().some((m) => m.name === name)) {
    throw platformError('NOT_INSTALLED', `${name} is not installed; install it with installModule first.`, { details: { module: name } });
  }
  if (!parts.state.isKnown(name)) {
    throw platformError('MODULE_NOT_FOUND', `No module named "${name}" is bundled or installed. Check the name with the modules query.`, {
      details: { module: name },
    });
  }
}

/**
 * Enables a module live: dependencies → import and validate → compose (conflicts refused before
 * any module code runs) → migrations, services, onEnable → persist → live → swap. A failure leaves the
 * live schema as it was; a load failure (MODULE_LOAD_FAILED) is recorded as the module's loadError.
 */
export async function enableModule(parts: RuntimeParts, name: string, swap: (schema: GraphQLSchema) => void): Promise<OperationResult> {
  assertKnown(parts, name);
  if (parts.state.live.has(name)) return { info: parts.views.info(name), changed: false };
  try {
    const instance = await loadCandidate(parts, name);
    assertNoConflicts(parts, instance);
    const schema = parts.composition.compose([...parts.state.live.values(), instance]);
    await activateRecorded(parts, instance, {
      enabled: true,
      lastLoadedAt: instance.loadedAt,
      loadError: null,
      version: instance.version,
      source: instance.source,
    });
    swap(schema);
    return { info: parts.views.info(name), changed: true };
  } catch (error) {
    if (isPlatformError(error, 'MODULE_LOAD_FAILED')) await parts.state.saveRecord(name, { loadError: error.message });
    if (isPlatformError(error)) throw error;
    throw platformError('MODULE_LOAD_FAILED', `Module ${name} could not be enabled: ${(error as Error)?.message ?? String(error)}`, {
      cause: error,
    });
  }
}
