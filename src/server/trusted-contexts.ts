/**
 * The request contexts the server itself built. Core resolvers run only with one of these, so a
 * module that reaches a core resolver through `info.schema` and calls it with a context it made
 * up (say `{ user: { role: 'SUPER_ADMIN' } }`) is refused: modules cannot add to this set.
 */
const trusted = new WeakSet<object>();

/** Marks a context built by the server for one request. */
export function markTrustedContext(context: object): void {
  trusted.add(context);
}

export function isTrustedContext(context: unknown): boolean {
  return typeof context === 'object' && context !== null && trusted.has(context);
}
