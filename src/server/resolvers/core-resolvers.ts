import type { AuthService, UserManagement } from '../../auth/index.js';
import type { Resolvers } from '../../generated/graphql.js';
import { createPermissionResolvers } from './permission-resolvers.js';
import { DateTimeScalar, JsonScalar } from './scalars.js';
import { createUserResolvers } from './user-resolvers.js';

export interface PlatformFacts {
  version: string;
  installationId: string;
  startedAt: Date;
  schemaVersion(): number;
}

/** Resolvers of `schema/core.graphql`: platform info, sign-in, users and permissions. */
export function createCoreResolvers(auth: AuthService, management: UserManagement, facts: PlatformFacts): Resolvers {
  const users = createUserResolvers(auth, management);
  const permissions = createPermissionResolvers(management);
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
      ...users.Query,
      ...permissions.Query,
    },
    Mutation: { ...users.Mutation, ...permissions.Mutation },
  };
}
