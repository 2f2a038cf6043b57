import { GraphQLError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from './codes.js';

export interface PlatformErrorOptions {
  /** Extra, non-secret facts for clients (e.g. `{ field: 'email' }`); lands in `extensions`. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * An error with a public code. It is a GraphQLError so yoga passes it through unmasked,
 * and it carries its HTTP status for non-GraphQL callers (CLI, REST-ish endpoints).
 *
 * @example throw platformError('MODULE_NOT_FOUND', 'No module named "fram_manager". Check the name with `modules`.')
 */
export class PlatformError extends GraphQLError {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message?: string, options: PlatformErrorOptions = {}) {
    const { status, message: fallback } = ERROR_CODES[code];
    // The cause is kept as `cause`, not `originalError`: yoga masks GraphQLErrors whose
    // originalError is not itself a GraphQLError, and our message is already meant for people.
    super(message ?? fallback, { extensions: { ...options.details, code } });
    if (options.cause !== undefined) this.cause = options.cause;
    this.name = 'PlatformError';
    this.code = code;
    this.status = status;
  }
}

export function platformError(code: ErrorCode, message?: string, options?: PlatformErrorOptions): PlatformError {
  return new PlatformError(code, message, options);
}

export function isPlatformError(error: unknown, code?: ErrorCode): error is PlatformError {
  return error instanceof PlatformError && (code === undefined || error.code === code);
}
