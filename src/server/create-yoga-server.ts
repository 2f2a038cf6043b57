import { createYoga, type Plugin, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { AuthService } from '../auth/index.js';
import { type GraphqlExposure, loadConfig } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import type { SchemaHolder } from '../plugins/composer/schema-holder.js';
import type { RequestAuth } from './context.js';
import { corsPolicy } from './cors-policy.js';
import { bearerToken, createRequestAuth } from './create-request-auth.js';
import { createYogaLogging } from './create-yoga-logging.js';
import { isGraphiqlAllowed } from './exposure-policy.js';
import { createGraphiqlRenderer } from './graphiql-page.js';
import { createMaskError } from './mask-error.js';
import { createParserCache } from './parser-cache.js';
import { markTrustedContext } from './trusted-contexts.js';
import { useCsrfPrevention } from './use-csrf-prevention.js';
import { useGraphiqlHeaders } from './use-graphiql-headers.js';
import { useIntrospectionPolicy } from './use-introspection-policy.js';
import { useJitExecution } from './use-jit-execution.js';
import { useLiveSchema } from './use-live-schema.js';
import { useOperationLimits } from './use-operation-limits.js';
import { useStackOverflowGuard } from './use-stack-overflow-guard.js';

export interface YogaServerOptions {
  schemaHolder: SchemaHolder;
  auth: AuthService;
  logger: Logger;
  graphqlEndpoint?: string;
  /** Compile queries with graphql-jit (default true). */
  jit?: boolean;
  /** Limits, introspection, GraphiQL and CORS (docs/operators/limits.md); defaults as with no env set. */
  exposure?: GraphqlExposure;
  /** `/ready` answers 200 only when this resolves true (store answers, schema composed, not stopping). */
  isReady?: () => Promise<boolean>;
  /** More yoga plugins (metrics, subscription guard), after the platform's own. */
  plugins?: Plugin[];
}

const DEFAULT_QUERY = `# Welcome to A64 Platform.
# 1. Sign in (the admin credentials were printed when the server started):
#      mutation { login(email: "admin@localhost.local", password: "…") { token } }
# 2. Add the token in the Headers tab: { "Authorization": "Bearer <token>" }
# 3. Explore:
query Platform {
  platform { version schemaVersion startedAt }
  me { email role }
}
`;

async function readiness(isReady: YogaServerOptions['isReady'], Response: typeof globalThis.Response): Promise<Response> {
  const ready = await (isReady ?? (async () => true))().catch(() => false);
  return Response.json({ status: ready ? 'ready' : 'starting' }, { status: ready ? 200 : 503 });
}

/**
 * graphql-yoga serving whatever schema is live in `schemaHolder`: each request reads the holder
 * once, when it starts, and runs to its end on that schema.
 */
export function createYogaServer(options: YogaServerOptions): YogaServerInstance<Record<string, unknown>, RequestAuth> {
  const { schemaHolder, auth, logger } = options;
  // Without settings: what an empty environment gives (development, default limits).
  const exposure = options.exposure ?? loadConfig({}).graphql;
  const requestAuth = createRequestAuth(auth);
  return createYoga<Record<string, unknown>, RequestAuth>({
    graphqlEndpoint: options.graphqlEndpoint ?? '/graphql',
    landingPage: false,
    cors: corsPolicy(exposure.corsOrigins),
    parserAndValidationCache: createParserCache(),
    plugins: [
      useLiveSchema(schemaHolder),
      useCsrfPrevention(),
      useOperationLimits(exposure.limits),
      useStackOverflowGuard(exposure.limits.depth),
      useIntrospectionPolicy(exposure, requestAuth),
      useGraphiqlHeaders(),
      ...(options.jit === false ? [] : [useJitExecution()]),
      useReadinessCheck({ endpoint: '/ready', check: ({ fetchAPI }) => readiness(options.isReady, fetchAPI.Response) }),
      ...(options.plugins ?? []),
    ],
    graphiql: () => isGraphiqlAllowed(exposure) && { title: 'A64 Platform', defaultQuery: DEFAULT_QUERY },
    renderGraphiQL: createGraphiqlRenderer(),
    maskedErrors: { maskError: createMaskError(logger) },
    logging: createYogaLogging(logger),
    context: (initialContext): Promise<RequestAuth> => {
      // Core resolvers refuse any other context (see guard-core-resolvers.ts).
      markTrustedContext(initialContext, bearerToken(initialContext.request) || null);
      return requestAuth.authFor(initialContext.request);
    },
  });
}
