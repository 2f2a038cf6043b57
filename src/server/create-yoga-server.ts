import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { AuthService } from '../auth/index.js';
import type { Logger } from '../logging/index.js';
import type { SchemaHolder } from '../plugins/composer/schema-holder.js';
import type { RequestAuth } from './context.js';
import { createMaskError } from './mask-error.js';
import { useJitExecution } from './use-jit-execution.js';

export interface YogaServerOptions {
  schemaHolder: SchemaHolder;
  auth: AuthService;
  logger: Logger;
  graphqlEndpoint?: string;
  /** Compile queries with graphql-jit (default true). */
  jit?: boolean;
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
    plugins: options.jit === false ? [] : [useJitExecution()],
    graphiql: { title: 'A64 Platform', defaultQuery: DEFAULT_QUERY },
    maskedErrors: { maskError: createMaskError(logger) },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    context: async ({ request }): Promise<RequestAuth> => {
      const token = bearerToken(request);
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
