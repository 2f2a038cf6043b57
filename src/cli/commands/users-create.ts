import { ROLES } from '../../auth/types.js';
import { type CliCommand, CliUsageError } from '../command.js';

/** `a64 users create`: adds a user directly in the store (stop the server first on the embedded store). */
export const usersCreateCommand: CliCommand = {
  name: 'users create',
  summary: 'Create a user in the configured store',
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
    const { createAuthService, createTokenService, createUsersRepository, loadOrCreateSecret } = await import('../../auth/index.js');
    const { loadConfig } = await import('../../config/index.js');
    const { loadInstallationId } = await import('../../platform/settings-repository.js');
    const { openStore } = await import('../../store/open-store.js');
    const config = loadConfig(io.env);
    const store = await openStore({ dataDir: config.dataDir, mongodbUrl: config.mongodbUrl, mongodbDb: config.mongodbDb });
    try {
      const users = createUsersRepository(store);
      await users.ensureIndexes();
      const secret = await loadOrCreateSecret(config.dataDir, 'token.key');
      const auth = createAuthService(users, createTokenService(secret, config.tokenTtlSeconds, await loadInstallationId(store)));
      const user = await auth.createUser({
        email,
        password,
        role: role.toUpperCase() as (typeof ROLES)[number],
        permissions: permissions
          ? permissions
              .split(',')
              .map((permission) => permission.trim())
              .filter(Boolean)
          : [],
      });
      io.stdout(`Created ${user.role} ${user.email} (id ${user.id})\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
