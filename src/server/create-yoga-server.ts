import { createYoga, type Plugin, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { AuthService } from '../auth/index.js';
import type { Logger } from '../logging/index.js';
import type { SchemaHolder } from '../plugins/composer/schema-holder.js';
import type { RequestAuth } from './context.js';
import { createYogaLogging } from './create-yoga-logging.js';
import { createMaskError } from './mask-error.js';
import { markTrustedContext } from './trusted-contexts.js';
import { useJitExecution } from './use-jit-execution.js';

export interface YogaServerOptions {
  schemaHolder: SchemaHolder;
  auth: AuthService;
  logger: Logger;
  graphqlEndpoint?: string;
  /** Compile queries with graphql-jit (default true). */
  jit?: boolean;
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

function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1]! : '';
}

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
  return createYoga<Record<string, unknown>, RequestAuth>({
    graphqlEndpoint: options.graphqlEndpoint ?? '/graphql',
    schema: () => schemaHolder.current().schema,
    landingPage: false,
    plugins: [
      ...(options.jit === false ? [] : [useJitExecution()]),
      useReadinessCheck({ endpoint: '/ready', check: ({ fetchAPI }) => readiness(options.isReady, fetchAPI.Response) }),
      ...(options.plugins ?? []),
    ],
    graphiql: { title: 'A64 Platform', defaultQuery: DEFAULT_QUERY },
    maskedErrors: { maskError: createMaskError(logger) },
    logging: createYogaLogging(logger),
    context: async (initialContext): Promise<RequestAuth> => {
      const token = bearerToken(initialContext.request);
      // Core resolvers refuse any other context (see guard-core-resolvers.ts).
      markTrustedContext(initialContext, token || null);
      if (token === null) return { user: null, actor: 'anonymous' };
      try {
        const user = await auth.authenticate(token);
        return { user, actor: user.email };
      } catch (error) {
        return { user: null, actor: 'anonymous', authError: error as Error };
      }
    },
  });
}
