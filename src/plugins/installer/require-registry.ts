import { platformError } from '../../errors/index.js';
import type { RegistryClient } from '../registry/index.js';
import type { InstallerDeps } from './installer-deps.js';

export function requireRegistry(deps: Pick<InstallerDeps, 'registry'>): RegistryClient {
  const registry = deps.registry.current();
  if (!registry) {
    throw platformError('REGISTRY_UNAVAILABLE', 'No module registry is configured: set REGISTRY_URL and REGISTRY_PUBLIC_KEY.');
  }
  return registry;
}
