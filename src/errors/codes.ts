/**
 * The public error codes of DESIGN.md, each with its HTTP status and a default message.
 * This is the one registry: code outside `src/errors` throws through `platformError`.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: { status: 401, message: 'Sign in first: send "Authorization: Bearer <token>" from the login mutation.' },
  FORBIDDEN: { status: 403, message: 'You do not have permission to do this.' },
  BAD_USER_INPUT: { status: 400, message: 'The input is not valid.' },
  MODULE_NOT_FOUND: { status: 404, message: 'No such module.' },
  VERSION_NOT_FOUND: { status: 404, message: 'No such module version.' },
  ALREADY_INSTALLED: { status: 409, message: 'The module is already installed.' },
  NOT_INSTALLED: { status: 409, message: 'The module is not installed.' },
  LICENSE_REQUIRED: { status: 402, message: 'This module needs a license key.' },
  LICENSE_INVALID: { status: 402, message: 'The license key is not valid.' },
  LICENSE_EXPIRED: { status: 402, message: 'The license has expired.' },
  LICENSE_REVOKED: { status: 402, message: 'The license has been revoked.' },
  CHECKSUM_MISMATCH: { status: 422, message: 'The downloaded package does not match the signed catalog.' },
  SIGNATURE_INVALID: { status: 422, message: 'The registry signature is not valid.' },
  CATALOG_EXPIRED: { status: 422, message: 'The registry catalog has expired.' },
  CATALOG_ROLLBACK: { status: 422, message: 'The registry catalog is older than one already accepted.' },
  PACKAGE_INVALID: { status: 422, message: 'The module package is not valid.' },
  DEPENDENCY_UNSATISFIED: { status: 409, message: 'The module dependencies are not satisfied.' },
  DEPENDENTS_ENABLED: { status: 409, message: 'Other enabled modules depend on this module.' },
  SCHEMA_CONFLICT: { status: 409, message: 'The module schema conflicts with the platform schema.' },
  MODULE_LOAD_FAILED: { status: 500, message: 'The module failed to load.' },
  OPERATION_IN_PROGRESS: { status: 409, message: 'Another operation on this module is running; try again when it finishes.' },
  REGISTRY_UNAVAILABLE: { status: 503, message: 'The module registry cannot be reached.' },
  QUERY_TOO_COMPLEX: { status: 400, message: 'The query is over one of the operation limits.' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts: wait and try again.' },
  // Not in the original contract: the last event of a subscription stream when the server stops.
  SHUTTING_DOWN: { status: 503, message: 'The server is shutting down; reconnect in a moment.' },
  BREAKING_CHANGE: {
    status: 409,
    message: 'The change breaks schema coordinates clients use; pass acceptBreakingChanges: true to go ahead.',
  },
  PERMISSIONS_NOT_ACCEPTED: {
    status: 409,
    message: 'The new version asks for permissions or collections not accepted; list them in acceptPermissions.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
