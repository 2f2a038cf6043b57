import { type AuthService, requireUser, type UserManagement } from '../../auth/index.js';
import type { MutationResolvers, QueryResolvers } from '../../generated/graphql.js';
import { clientAddress } from './client-address.js';

/** `me`, `users`, `user`, sign-in and the user lifecycle (rules and audit live in UserManagement). */
export function createUserResolvers(auth: AuthService, management: UserManagement): { Query: QueryResolvers; Mutation: MutationResolvers } {
  return {
    Query: {
      async me(_parent, _args, context) {
        if (!context.authError && !context.user) return null;
        const user = requireUser(context);
        const stored = await auth.users.findById(user.id);
        return stored ? management.view(stored) : null;
      },
      users: (_parent, _args, context) => management.list(requireUser(context)),
      user: (_parent, { id }, context) => management.get(requireUser(context), id),
    },
    Mutation: {
      login: (_parent, { email, password }, context) => auth.login(email, password, clientAddress(context)),
      createUser: (_parent, { email, password, role }, context) => management.createUser(requireUser(context), { email, password, role }),
      updateUser: (_parent, { id, input }, context) => management.updateUser(requireUser(context), id, input),
      deleteUser: (_parent, { id }, context) => management.deleteUser(requireUser(context), id),
      changePassword: (_parent, { currentPassword, newPassword }, context) =>
        management.changePassword(requireUser(context), currentPassword, newPassword),
      setUserPassword: (_parent, { id, password }, context) => management.setUserPassword(requireUser(context), id, password),
    },
  };
}
