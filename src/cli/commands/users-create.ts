import { ROLES, type Role } from '../../auth/types.js';
import { type CliCommand, CliUsageError } from '../command.js';
import { permissionList, withUserStore } from './with-user-store.js';

/** `a64 users create`: adds a user (and optional grants) in the configured store. */
export const usersCreateCommand: CliCommand = {
  name: 'users create',
  summary: 'Create a user in the configured store (server stopped, or MONGODB_URL)',
  usage: `a64 users create --email <email> --password <password> --role <${ROLES.join('|')}> [--permissions farm.view,farm.create]`,
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    permissions: { type: 'string' },
  },
  async run({ values }, io) {
    const { email, password, role, permissions } = values as Record<string, string | undefined>;
    if (!email || !password || !role) throw new CliUsageError('--email, --password and --role are required');
    const upper = role.toUpperCase() as Role;
    if (!ROLES.includes(upper)) throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}`);
    const grants = permissionList(permissions);
    const mutation = `mutation { createUser(email: ${JSON.stringify(email)}, password: "<password>", role: ${upper}) { id } }`;
    return withUserStore(io, mutation, async (management, actor) => {
      const user = await management.createUser(actor, { email, password, role: upper });
      const granted = grants.length > 0 ? await management.grant(actor, user.id, grants, 'grant') : user;
      return `Created ${granted.role} ${granted.email} (id ${granted.id})${grants.length ? ` with ${granted.grants.join(', ')}` : ''}`;
    });
  },
};
