import { useCSRFPrevention as useYogaCsrfPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';
import { platformError } from '../errors/index.js';
import { CSRF_HEADER } from './cors-policy.js';

/**
 * Yoga's CSRF prevention: a GraphQL request must be one a browser would preflight — a
 * non-simple content type (`application/json`, …) or the `x-graphql-yoga-csrf` header — so a
 * hostile page cannot fire GETs, forms or text/plain POSTs at `/graphql`. Yoga itself never runs
 * a mutation over GET. The refusal carries a code and says what to send.
 */
export function useCsrfPrevention(): Plugin {
  const yogaPlugin = useYogaCsrfPrevention({ requestHeaders: [CSRF_HEADER] });
  return {
    onRequestParse(payload) {
      try {
        return yogaPlugin.onRequestParse?.(payload);
      } catch (error) {
        throw platformError(
          'FORBIDDEN',
          `This request could come from any web page (CSRF): send it with "Content-Type: application/json", or add the header "${CSRF_HEADER}: 1" (GET requests).`,
          { details: { http: { status: 403 } }, cause: error },
        );
      }
    },
  };
}
