/** Public codes a module may throw (see docs/errors.md); others are masked as internal errors. */
export type ModuleErrorCode = 'BAD_USER_INPUT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'MODULE_NOT_FOUND';

/**
 * An error a module throws to tell the client what went wrong. It is a plain Error carrying
 * `extensions.code`, so it works without sharing the platform's copy of `graphql`; the platform
 * recognises the code and passes the message through unmasked.
 *
 * @example throw new ModuleError('BAD_USER_INPUT', 'areaHectares must be positive', { field: 'areaHectares' })
 */
export class ModuleError extends Error {
  readonly extensions: Record<string, unknown>;

  constructor(code: ModuleErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ModuleError';
    this.extensions = { ...details, code };
  }
}

/** Shorthand for BAD_USER_INPUT naming the field. */
export function badInput(field: string, message: string): ModuleError {
  return new ModuleError('BAD_USER_INPUT', `Invalid ${field}: ${message}`, { field });
}
