export { Catalog, CatalogModule, CatalogVersion, Revocations } from './catalog-schema.js';
export { createRegistryClient, type RegistryClient, type RegistryClientOptions, type RegistryStatus } from './create-registry-client.js';
export { type DownloadOptions, downloadPackage, type PackageRef, packagePath } from './download-package.js';
export { type FetchLimits, fetchBounded } from './fetch-bounded.js';
export { createMemoryRegistryState, type RegistryState, type RegistryStateStore } from './registry-state.js';
export { createRegistryStateRepo } from './registry-state-repo.js';
export { signDetached } from './sign-detached.js';
export { generateSigningKeyPair, keyId, PrivateJwk, PublicJwk, publicPart, type SigningKeyPair } from './signing-keys.js';
export { verifyDetached } from './verify-detached.js';
