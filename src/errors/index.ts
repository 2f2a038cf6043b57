export { badInputFromZod } from './bad-input-from-zod.js';
export { ERROR_CODES, type ErrorCode, isErrorCode } from './codes.js';
export { isPlatformError, PlatformError, type PlatformErrorOptions, platformError } from './platform-error.js';
