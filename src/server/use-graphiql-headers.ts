import type { Plugin } from 'graphql-yoga';
import { GRAPHIQL_SECURITY_HEADERS } from './graphiql-page.js';

/** Adds GraphiQL's security headers to the page yoga renders (the only HTML `/graphql` answers). */
export function useGraphiqlHeaders(): Plugin {
  return {
    onResponse({ response }) {
      if (!response.headers.get('content-type')?.startsWith('text/html')) return;
      for (const [name, value] of Object.entries(GRAPHIQL_SECURITY_HEADERS)) response.headers.set(name, value);
    },
  };
}
