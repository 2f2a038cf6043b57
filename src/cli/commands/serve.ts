import type { BootstrapResult } from '../../auth/bootstrap-admin.js';
import type { CliCommand } from '../command.js';

function bootstrapLine(bootstrap: BootstrapResult | null): string {
  if (!bootstrap) return '';
  const who = bootstrap.renewed
    ? `The bootstrap super admin ${bootstrap.email} has not signed in yet, so it got a new password`
    : `First start: super admin ${bootstrap.email}`;
  return bootstrap.generatedPassword
    ? `${who} with password ${bootstrap.generatedPassword}  (shown once; sign in with it, a new one is made on each start until then)\n`
    : `${who} (password from ADMIN_PASSWORD)\n`;
}

/** `a64 serve`: runs the platform until SIGINT/SIGTERM, configured by the environment. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Serve the platform (configured by environment variables; see README)',
  usage: 'a64 serve',
  options: {},
  async run(_args, io) {
    // Loaded here, not at the top, so `a64 --help` and other commands start fast.
    const { loadConfig } = await import('../../config/index.js');
    const { createPlatform } = await import('../../platform/create-platform.js');
    const config = loadConfig(io.env);
    const platform = createPlatform(config);
    const started = await platform.start();
    // One write, "Admin page" last: whoever reads it (people, test/support/server-process.ts) knows it is complete.
    io.stdout(
      `
A64 Platform ${started.graphqlUrl}  (GraphiQL: open it in a browser)
${bootstrapLine(started.bootstrap)}Admin page   ${started.url}/admin
`,
    );
    const shutdown = async (signal: string) => {
      platform.logger.info({ signal }, 'shutting down');
      await platform.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    return -1;
  },
};
