/**
 * The request contexts the server itself built, with the bearer token each was made from.
 * Core resolvers run only with one of these, so a module that reaches a core resolver through
 * `info.schema` and calls it with a context it made up (say `{ user: { role: 'SUPER_ADMIN' } }`)
 * is refused: modules cannot add to this map. The token lets long-lived streams re-check their
 * caller; it never leaves the server.
 */
const trusted = new WeakMap<object, { token: string | null }>();

/** Marks a context built by the server for one request. */
export function markTrustedContext(context: object, token: string | null): void {
  trusted.set(context, { token });
}

export function isTrustedContext(context: unknown): boolean {
  return typeof context === 'object' && context !== null && trusted.has(context);
}

/** The bearer token a trusted context was built from (null: none, or not a trusted context). */
export function requestToken(context: unknown): string | null {
  return typeof context === 'object' && context !== null ? (trusted.get(context)?.token ?? null) : null;
}
