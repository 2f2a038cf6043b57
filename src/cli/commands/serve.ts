import type { BootstrapResult } from '../../auth/bootstrap-admin.js';
import type { Platform } from '../../platform/create-platform.js';
import type { CliCommand } from '../command.js';

let stopping = false;

/**
 * First SIGINT/SIGTERM: stop gracefully (in-flight requests and module operations finish, up to
 * SHUTDOWN_TIMEOUT_SECONDS), then exit 0. A second signal exits at once with status 1.
 */
function onSignal(platform: Platform, timeoutMs: number, signal: NodeJS.Signals): void {
  if (stopping) {
    platform.logger.warn({ signal }, 'second signal: exiting now without waiting');
    platform.logger.flush?.();
    process.exit(1);
  }
  stopping = true;
  platform.logger.info({ signal, timeoutSeconds: timeoutMs / 1000 }, 'shutting down (send the signal again to exit at once)');
  // Should a module's onDisable or the store hang, do not hang with it.
  setTimeout(() => process.exit(1), timeoutMs + 10_000).unref();
  platform.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      platform.logger.error({ err: error }, 'shutdown failed');
      platform.logger.flush?.();
      process.exit(1);
    },
  );
}

function bootstrapLine(bootstrap: BootstrapResult | null): string {
  if (!bootstrap) return '';
  const who = bootstrap.renewed
    ? `The bootstrap super admin ${bootstrap.email} has not signed in yet, so it got a new password`
    : `First start: super admin ${bootstrap.email}`;
  return bootstrap.generatedPassword
    ? `${who} with password ${bootstrap.generatedPassword}  (shown once; sign in with it, a new one is made on each start until then)\n`
    : `${who} (password from ADMIN_PASSWORD)\n`;
}

/** `a64 serve`: runs the platform until SIGINT/SIGTERM (see `onSignal`), configured by the environment. */
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
    process.on('SIGINT', (signal) => onSignal(platform, config.shutdownTimeoutMs, signal));
    process.on('SIGTERM', (signal) => onSignal(platform, config.shutdownTimeoutMs, signal));
    return -1;
  },
};
