import type { CORSOptions } from 'graphql-yoga';

/**
 * Yoga's `cors` option from CORS_ORIGINS. Only an origin on the list gets CORS headers (its own
 * origin back, never another's); any other origin gets none, so the browser keeps the answer
 * from it. No list: no CORS headers at all, i.e. same origin only.
 */
export function corsPolicy(allowedOrigins: readonly string[]): false | ((request: Request) => CORSOptions) {
  if (allowedOrigins.length === 0) return false;
  const allowed = new Set(allowedOrigins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin)) return false;
    return {
      origin: [origin],
      credentials: false,
      allowedHeaders: ['authorization', 'content-type', CSRF_HEADER],
      methods: ['GET', 'POST'],
    };
  };
}

/** The custom header that marks a request as not "simple" (see use-csrf-prevention.ts). */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';
