import { type AuthService, requireRole, requireUser } from '../../auth/index.js';
import type { Resolvers } from '../../generated/graphql.js';
import { DateTimeScalar, JsonScalar } from './scalars.js';

export interface PlatformFacts {
  version: string;
  installationId: string;
  startedAt: Date;
  schemaVersion(): number;
}

/** Resolvers of `schema/core.graphql`: platform info, sign-in and users. */
export function createCoreResolvers(auth: AuthService, facts: PlatformFacts): Resolvers {
  return {
    DateTime: DateTimeScalar,
    JSON: JsonScalar,
    Query: {
      platform: () => ({
        version: facts.version,
        installationId: facts.installationId,
        schemaVersion: facts.schemaVersion(),
        startedAt: facts.startedAt,
      }),
      me: (_parent, _args, context) => (context.authError || context.user ? requireUser(context) : null),
      users: (_parent, _args, context) => {
        requireRole(context, 'SUPER_ADMIN', 'ADMIN');
        return auth.users.list();
      },
    },
    Mutation: {
      login: (_parent, { email, password }) => auth.login(email, password),
      createUser: (_parent, { email, password, role }, context) => {
        requireRole(context, 'SUPER_ADMIN');
        return auth.createUser({ email, password, role });
      },
    },
  };
}
