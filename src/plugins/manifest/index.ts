export { LicenseType, Manifest, MODULE_NAME_PATTERN } from './manifest-schema.js';
export { parseManifest } from './parse-manifest.js';
