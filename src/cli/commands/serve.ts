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
    // One banner, "Admin page" last: whoever reads it (people, test/support/spawn-server.ts) knows it is complete.
    const lines = [`\nA64 Platform ${started.graphqlUrl}  (GraphiQL: open it in a browser)`];
    if (started.bootstrap) {
      const { email, generatedPassword } = started.bootstrap;
      lines.push(
        generatedPassword
          ? `First start: super admin ${email} with password ${generatedPassword}  (shown once; keep it)`
          : `First start: super admin ${email} (password from ADMIN_PASSWORD)`,
      );
    }
    lines.push(`Admin page   ${started.url}/admin\n`);
    io.stdout(lines.join('\n'));
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
