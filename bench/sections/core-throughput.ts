import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createYoga } from 'graphql-yoga';
import { loadConfig, PLATFORM_VERSION } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';
import { createPlatform } from '../../src/platform/create-platform.js';
import { close, listen } from '../../src/platform/listen.js';
import { readCoreTypeDefs } from '../../src/server/core-type-defs.js';
import { compareLoad, spreadNote } from '../load.js';
import type { BenchSection } from '../report.js';

const QUERY = JSON.stringify({ query: '{ platform { version } }' });

/** A bare graphql-yoga on node:http serving the same core SDL with a static schema. */
async function startBareYoga(): Promise<{ url: string; server: Server }> {
  const schema = makeExecutableSchema({
    typeDefs: readCoreTypeDefs(),
    resolvers: { Query: { platform: () => ({ version: PLATFORM_VERSION, installationId: 'x', schemaVersion: 1, startedAt: new Date() }) } },
  });
  const server = createServer(createYoga({ schema, logging: false, graphiql: false }));
  return { url: `${await listen(server, 0, '127.0.0.1')}/graphql`, server };
}

export const coreThroughput: BenchSection = {
  title: 'Core request throughput: { platform { version } } (32 keep-alive clients on a worker thread; median of 5 alternating 2 s rounds)',
  async run() {
    const bare = await startBareYoga();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'a64-bench-'));
    const platform = createPlatform(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ADMIN_PASSWORD: 'bench-password-1' }), {
      logger: createLogger({ level: 'silent' }),
    });
    const ours = await platform.start();
    try {
      const result = await compareLoad({ url: bare.url, body: QUERY }, { url: ours.graphqlUrl, body: QUERY });
      if (result.failures) throw new Error(`${result.failures} failed requests, first: ${result.firstFailure}`);
      return [
        { name: 'bare graphql-yoga (baseline)', value: result.baseline, unit: 'req/s' },
        { name: 'A64 platform', value: result.candidate, unit: 'req/s' },
        {
          name: 'A64 / bare yoga',
          value: result.ratio,
          unit: '×',
          target: '≥ 1 (no slower than bare yoga)',
          note: spreadNote(result.spread),
        },
      ];
    } finally {
      await platform.stop();
      await close(bare.server);
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
