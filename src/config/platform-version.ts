import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// package.json sits two levels above both src/config and dist/config.
const pkg = require('../../package.json') as { version: string };

/** The platform release version that module `dependencies.core` ranges are checked against. */
export const PLATFORM_VERSION: string = pkg.version;
