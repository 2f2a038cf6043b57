import { fileURLToPath } from 'node:url';

// The package root sits two levels above both src/platform and dist/platform.
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the build puts the bundled modules (`modules/bundled.json` decides which). */
export const DEFAULT_BUNDLED_DIR = `${PACKAGE_ROOT}build/bundled`;

/** The development registry the build publishes the first-party modules into. */
export const DEV_REGISTRY_DIR = `${PACKAGE_ROOT}build/registry`;
export const DEV_REGISTRY_KEYS_DIR = `${PACKAGE_ROOT}build/dev-keys`;
