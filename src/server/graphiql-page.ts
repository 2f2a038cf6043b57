import type { GraphiQLOptions } from 'graphql-yoga';

type RenderGraphiql = (options: GraphiQLOptions) => string;

// Imported on the first GraphiQL request, not at start-up: the package holds the whole ~9 MB
// page as source text and was ~110 ms of every start.
let renderer: Promise<RenderGraphiql> | undefined;
function loadRenderer(): Promise<RenderGraphiql> {
  renderer ??= import('@graphql-yoga/render-graphiql').then((graphiql) => graphiql.renderGraphiQL);
  return renderer;
}

/**
 * GraphiQL with every asset (script, styles, editor workers, fonts) inlined from the
 * `@graphql-yoga/render-graphiql` package, so the page works offline and air-gapped; yoga's
 * default page loads them from a CDN. The ~9 MB page is rendered once per option set.
 */
export function createGraphiqlRenderer(): (options: GraphiQLOptions) => string | Promise<string> {
  const rendered = new Map<string, string>();
  return (options) => {
    const key = JSON.stringify(options);
    const page = rendered.get(key);
    if (page !== undefined) return page;
    return loadRenderer().then((render) => {
      const made = render(options);
      if (rendered.size > 8) rendered.clear();
      rendered.set(key, made);
      return made;
    });
  };
}

/**
 * GraphiQL's own headers: the admin page's strict CSP would stop its inline script, so this page
 * gets a CSP of its own — inline script and styles of the page itself, editor workers from blob:
 * URLs, requests only to this origin — which also keeps it from loading anything off the machine.
 */
export const GRAPHIQL_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'unsafe-inline'",
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};
