import type { GraphqlExposure } from '../config/index.js';
import type { RequestAuth } from './context.js';

/**
 * Whether this caller may introspect the schema (and see "Did you mean …?" suggestions):
 * `on`/`off` for everyone; `auto` = on outside production, and in production only for a signed-in
 * ADMIN or SUPER_ADMIN.
 */
export function isIntrospectionAllowed(
  exposure: Pick<GraphqlExposure, 'introspection' | 'production'>,
  caller: RequestAuth | undefined,
): boolean {
  if (exposure.introspection !== 'auto') return exposure.introspection === 'on';
  if (!exposure.production) return true;
  const role = caller?.user?.role;
  return role === 'ADMIN' || role === 'SUPER_ADMIN';
}

/**
 * Whether `/graphql` serves the GraphiQL page: `on`/`off`; `auto` = outside production only (a
 * browser opening the page sends no bearer token, so there is no caller to ask about).
 */
export function isGraphiqlAllowed(exposure: Pick<GraphqlExposure, 'graphiql' | 'production'>): boolean {
  if (exposure.graphiql !== 'auto') return exposure.graphiql === 'on';
  return !exposure.production;
}
