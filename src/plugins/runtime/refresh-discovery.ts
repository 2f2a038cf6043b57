import { discoverModules } from '../discovery/index.js';
import type { RuntimeParts } from './runtime-parts.js';

/** Re-reads the module directories (after an install, or at start); what is found replaces what was. */
export async function refreshDiscovery(parts: Pick<RuntimeParts, 'options' | 'state'>): Promise<void> {
  const found = await discoverModules({ bundledDir: parts.options.bundledDir, installedDir: parts.options.installedDir });
  parts.state.replaceFound(found);
}
