import { requireUser, type UserManagement } from '../../auth/index.js';
import type { MutationResolvers, QueryResolvers } from '../../generated/graphql.js';

/** Declared permissions, role permissions, grants and revokes. */
export function createPermissionResolvers(management: UserManagement): { Query: QueryResolvers; Mutation: MutationResolvers } {
  return {
    Query: {
      permissions: (_parent, _args, context) => management.permissions(requireUser(context)),
      rolePermissions: (_parent, _args, context) => management.rolePermissions(requireUser(context)),
    },
    Mutation: {
      grantPermissions: (_parent, { userId, permissions }, context) => management.grant(requireUser(context), userId, permissions, 'grant'),
      revokePermissions: (_parent, { userId, permissions }, context) =>
        management.grant(requireUser(context), userId, permissions, 'revoke'),
      setRolePermissions: (_parent, { role, permissions }, context) =>
        management.setRolePermissions(requireUser(context), role, permissions),
    },
  };
}
