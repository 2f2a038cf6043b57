import type { CliCommand } from '../command.js';

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
    io.stdout(`\nA64 Platform ${started.graphqlUrl}  (GraphiQL: open it in a browser)\nAdmin page   ${started.url}/admin\n`);
    if (started.bootstrap) {
      io.stdout(`First start: super admin ${started.bootstrap.email}`);
      io.stdout(
        started.bootstrap.generatedPassword
          ? ` with password ${started.bootstrap.generatedPassword}  (shown once; keep it)\n`
          : ' (password from ADMIN_PASSWORD)\n',
      );
    }
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
