import type { Config } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import type { RegistrySource } from '../plugins/installer/index.js';
import { createRegistryClient, createRegistryStateRepo, keyId, type PublicJwk, type RegistryClient } from '../plugins/registry/index.js';
import type { DocumentStore } from '../store/types.js';
import { DEV_REGISTRY_PREFIX, type DevRegistry, loadDevRegistry } from './dev-registry.js';

export interface PlatformRegistrySource extends RegistrySource {
  /** The development registry to serve at /dev-registry (only without REGISTRY_URL). */
  readonly devRegistry: DevRegistry | null;
  /** Without REGISTRY_URL: points the client at the in-process dev registry once the server has its URL. */
  attachDevRegistry(baseUrl: string): Promise<void>;
}

async function createClient(store: DocumentStore, config: Config, url: string, publicKey: PublicJwk): Promise<RegistryClient> {
  const state = createRegistryStateRepo(store, await keyId(publicKey));
  return createRegistryClient({ url, publicKey, ttlSeconds: config.registryTtlSeconds, state });
}

/** The module registry: REGISTRY_URL's from the start, else the development registry once the server listens. */
export async function createRegistrySource(config: Config, store: DocumentStore, logger: Logger): Promise<PlatformRegistrySource> {
  const devRegistry = config.registryUrl ? null : await loadDevRegistry({ logger });
  // The env schema guarantees REGISTRY_PUBLIC_KEY with REGISTRY_URL.
  let client =
    config.registryUrl && config.registryPublicKey ? await createClient(store, config, config.registryUrl, config.registryPublicKey) : null;
  return {
    devRegistry,
    current: () => client,
    async attachDevRegistry(baseUrl) {
      if (!devRegistry || client) return;
      client = await createClient(store, config, `${baseUrl}${DEV_REGISTRY_PREFIX}`, devRegistry.publicKey);
      logger.warn(
        { registry: `${baseUrl}${DEV_REGISTRY_PREFIX}` },
        'using the DEVELOPMENT module registry (build/registry, development key): never use it in production; set REGISTRY_URL and REGISTRY_PUBLIC_KEY',
      );
    },
  };
}
