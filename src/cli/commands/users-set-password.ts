import { type CliCommand, CliUsageError } from '../command.js';
import { withUserStore } from './with-user-store.js';

/** `a64 users set-password`: a new password for an account; its older tokens stop working. */
export const usersSetPasswordCommand: CliCommand = {
  name: 'users set-password',
  summary: "Set a user's password (every older token of that user stops working)",
  usage: 'a64 users set-password --email <email> --password <password>',
  options: { email: { type: 'string' }, password: { type: 'string' } },
  async run({ values }, io) {
    const { email, password } = values as Record<string, string | undefined>;
    if (!email || !password) throw new CliUsageError('--email and --password are required');
    const mutation = `mutation { setUserPassword(id: "<id from users>", password: "<password>") }`;
    return withUserStore(io, mutation, async (management, actor) => {
      const user = await management.findByEmail(email);
      await management.setUserPassword(actor, user.id, password);
      return `Set a new password for ${user.email}; their older tokens no longer work.`;
    });
  },
};
