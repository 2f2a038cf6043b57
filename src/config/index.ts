export { type Env, EnvSchema } from './env-schema.js';
export { type Config, ConfigError, type GraphqlExposure, loadConfig } from './load-config.js';
export { PLATFORM_VERSION } from './platform-version.js';
export { Ed25519PublicJwk, readJwk } from './read-jwk.js';
