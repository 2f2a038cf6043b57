import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createAccessControl } from '../src/auth/create-access-control.js';
import { loadOrCreateSecret } from '../src/auth/secret-file.js';
import { createLogger } from '../src/logging/index.js';
import { createPermissionCatalog } from '../src/platform/permission-catalog.js';
import { createHttpServer } from '../src/server/create-http-server.js';
import { createYogaServer } from '../src/server/create-yoga-server.js';
import { createGraphqlRequestHandler } from '../src/server/fast-path/create-graphql-request-handler.js';
import { startTestPlatform } from '../test/support/start-test-platform.js';
import { runLoad } from './load.js';
import { firstPartyBundledDir } from './support/first-party-bundled-dir.js';
import { mainThreadCpuMs } from './support/main-thread-cpu.js';
import { FARM_QUERIES, LIST_BENCH_ENV, seedFarms } from './support/seed-farms.js';
const which = (process.argv[2] ?? 'flat') as keyof typeof FARM_QUERIES;
const bundledDir = await firstPartyBundledDir();
const platform = await startTestPlatform(LIST_BENCH_ENV, { bundledDir });
try {
  const token = await platform.adminToken();
  await seedFarms(platform, token);
  const catalog = createPermissionCatalog(platform.modules);
  const { auth } = await createAccessControl({ store: platform.store, tokenSecret: await loadOrCreateSecret(platform.dataDir, 'token.key'), tokenTtlSeconds: platform.config.tokenTtlSeconds, installationId: platform.installationId, catalog, livePermissions: catalog.live, audit: { append: async () => {} } as never });
  const schema = platform.modules.schema();
  const logger = createLogger({ level: 'silent' });
  const yoga = createYogaServer({ schemaHolder: { current: () => ({ schema, version: 1 }) } as never, auth, logger, exposure: platform.config.graphql });
  const query = FARM_QUERIES[which];
  const request = { method: 'POST', url: 'http://127.0.0.1/graphql', headers: new Headers({ authorization: `Bearer ${token}`, 'content-type': 'application/json' }) } as unknown as Request;
  const canned = await yoga.getResultForParams({ params: { query }, request }, {});
  if (process.env.CANNED === '1') (yoga as any).getResultForParams = async () => canned;
  const server = createHttpServer({ graphql: createGraphqlRequestHandler(yoga, { graphqlEndpoint: '/graphql', logger }), graphqlEndpoint: '/graphql', limits: { maxBodyBytes: 65536 } });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const body = JSON.stringify({ query });
  await runLoad(url, body, { seconds: 1, headers: { authorization: `Bearer ${token}` } });
  for (let i = 0; i < 2; i++) {
    const cpu = mainThreadCpuMs();
    const result = await runLoad(url, body, { seconds: 4, concurrency: Number(process.env.CONC ?? 32), headers: { authorization: `Bearer ${token}` } });
    console.log(which, process.env.CANNED === '1' ? 'canned' : 'real', { perSecond: Math.round(result.perSecond), failures: result.failures, cpuMsPerRequest: ((mainThreadCpuMs() - cpu) / result.requests).toFixed(3) });
  }
  await new Promise((r) => server.close(r));
} finally { await platform.stop(); await rm(bundledDir, { recursive: true, force: true }); }
