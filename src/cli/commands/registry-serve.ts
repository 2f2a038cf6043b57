import { type CliCommand, CliUsageError } from '../command.js';

/** `a64 registry serve <dir> --port <n> [--host 127.0.0.1]`: a static server for a registry directory. */
export const registryServeCommand: CliCommand = {
  name: 'registry serve',
  summary: 'Serve a registry directory over HTTP (static files)',
  usage: 'a64 registry serve <dir> --port <n> [--host 127.0.0.1]',
  options: { port: { type: 'string' }, host: { type: 'string' } },
  positionals: { min: 1, max: 1, names: ['dir'] },
  async run({ values, positionals }, io) {
    const port = Number(values.port);
    if (typeof values.port !== 'string' || !/^\d+$/.test(values.port) || port > 65535)
      throw new CliUsageError('--port <n> is required (0-65535)');
    const host = typeof values.host === 'string' && values.host ? values.host : '127.0.0.1';
    const { existsSync } = await import('node:fs');
    const http = await import('node:http');
    const path = await import('node:path');
    const { createRegistryRequestHandler } = await import('../../packaging/index.js');
    const dir = path.resolve(io.cwd, positionals[0]!);
    if (!existsSync(path.join(dir, 'catalog.json'))) io.stderr(`note: ${dir} has no catalog.json yet; publish a package into it first.\n`);
    const server = http.createServer(createRegistryRequestHandler(dir));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    io.stdout(`Registry ${dir}\n  serving at http://${shownHost}:${actualPort}/  (Ctrl+C to stop)\n`);
    const stop = () => server.close(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // Like `serve`, -1 tells main.ts to keep the process running.
    return -1;
  },
};
