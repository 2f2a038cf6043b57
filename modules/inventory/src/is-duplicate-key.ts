/**
 * True for the store's unique-index violation. The platform's DuplicateKeyError class is not part
 * of the SDK, so it is recognised by name; a unique index backs each "already exists" check
 * against two requests racing past it.
 */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof Error && error.name === 'DuplicateKeyError';
}
