import { type CliCommand, CliUsageError } from '../command.js';
import { permissionList, withUserStore } from './with-user-store.js';

/** `a64 users grant`: gives module permissions to one user. */
export const usersGrantCommand: CliCommand = {
  name: 'users grant',
  summary: 'Grant module permissions to a user',
  usage: 'a64 users grant --email <email> --permissions farm.view,farm.create',
  options: { email: { type: 'string' }, permissions: { type: 'string' } },
  async run({ values }, io) {
    const { email, permissions } = values as Record<string, string | undefined>;
    const list = permissionList(permissions);
    if (!email || list.length === 0) throw new CliUsageError('--email and --permissions are required');
    const mutation = `mutation { grantPermissions(userId: "<id from users>", permissions: ${JSON.stringify(list)}) { permissions } }`;
    return withUserStore(io, mutation, async (management, actor) => {
      const user = await management.grant(actor, (await management.findByEmail(email)).id, list, 'grant');
      return `${user.email} now holds ${user.permissions.join(', ') || 'no permissions'}`;
    });
  },
};
