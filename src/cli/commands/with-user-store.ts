import path from 'node:path';
import type { AuthUser, UserManagement } from '../../auth/index.js';
import type { CliIo } from '../command.js';

/** The CLI acts as a SUPER_ADMIN named `cli` (that is the actor its audit entries show). */
const CLI_ACTOR: AuthUser = {
  id: 'cli',
  email: 'cli',
  role: 'SUPER_ADMIN',
  permissions: [],
  grants: [],
  disabled: false,
  lastLoginAt: null,
  createdAt: new Date(0),
};

/**
 * Opens the configured store and runs `act` with the user lifecycle (same rules, policy and audit
 * as GraphQL). The embedded store belongs to one process: while `a64 serve` runs on the same
 * DATA_DIR the store is locked, so this prints the GraphQL request that does the same through the
 * running server and exits 1. With MONGODB_URL it works while servers run, and they see the
 * change on their next request.
 */
export async function withUserStore(
  io: CliIo,
  mutation: string,
  act: (management: UserManagement, actor: AuthUser) => Promise<string>,
): Promise<number> {
  const { createAccessControl } = await import('../../auth/create-access-control.js');
  const { loadOrCreateSecret } = await import('../../auth/index.js');
  const { loadConfig } = await import('../../config/index.js');
  const { loadInstallationId } = await import('../../platform/settings-repository.js');
  const { DEFAULT_BUNDLED_DIR } = await import('../../platform/paths.js');
  const { createAuditLogRepository } = await import('../../plugins/audit/index.js');
  const { discoverModules } = await import('../../plugins/discovery/index.js');
  const { openStore, StoreLockedError } = await import('../../store/index.js');
  const config = loadConfig(io.env);
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore({ dataDir: config.dataDir, mongodbUrl: config.mongodbUrl, mongodbDb: config.mongodbDb });
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    io.stderr(
      `The platform is running on DATA_DIR ${config.dataDir}, which locks its embedded store. Do this through the running server instead,\n` +
        `signed in as an ADMIN or SUPER_ADMIN (token from the login mutation):\n\n` +
        `  curl -s http://${config.host}:${config.port}/graphql -H 'content-type: application/json' \\\n` +
        `    -H "authorization: Bearer $TOKEN" -d '${JSON.stringify({ query: mutation })}'\n\n` +
        `or on the admin page (/admin → Users), or stop the server and run this command again.\n`,
    );
    return 1;
  }
  try {
    const modules = await discoverModules({ bundledDir: DEFAULT_BUNDLED_DIR, installedDir: path.join(config.dataDir, 'modules') });
    const declared = modules.flatMap((m) => (m.manifest?.permissions ?? []).map((name) => ({ name, module: m.manifest!.module_name })));
    const { management } = await createAccessControl({
      store,
      tokenSecret: await loadOrCreateSecret(config.dataDir, 'token.key'),
      tokenTtlSeconds: config.tokenTtlSeconds,
      installationId: await loadInstallationId(store),
      // Seat limits need the license checks of a running platform; grant through it for PER_USER modules.
      catalog: { declared: () => declared, seatLimits: () => [] },
      livePermissions: () => declared.map((p) => p.name),
      audit: createAuditLogRepository(store),
    });
    io.stdout(`${await act(management, CLI_ACTOR)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** `--permissions farm.view, farm.create` → ['farm.view', 'farm.create']. */
export function permissionList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((permission) => permission.trim())
    .filter(Boolean);
}
