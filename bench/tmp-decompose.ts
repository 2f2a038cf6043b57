import { rm } from 'node:fs/promises';
import { parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { createAccessControl } from '../src/auth/create-access-control.js';
import { loadOrCreateSecret } from '../src/auth/secret-file.js';
import { createLogger } from '../src/logging/index.js';
import { createPermissionCatalog } from '../src/platform/permission-catalog.js';
import { createFieldUsageRecorder } from '../src/plugins/changes/create-field-usage-recorder.js';
import { useFieldUsage } from '../src/plugins/changes/use-field-usage.js';
import { createRequestAuth } from '../src/server/create-request-auth.js';
import { createYogaServer } from '../src/server/create-yoga-server.js';
import { jitScalarSerializers } from '../src/server/jit-scalar-serializers.js';
import { markTrustedContext } from '../src/server/trusted-contexts.js';
import { startTestPlatform } from '../test/support/start-test-platform.js';
import { firstPartyBundledDir } from './support/first-party-bundled-dir.js';
import { mainThreadCpuMs } from './support/main-thread-cpu.js';
import { FARM_QUERIES, LIST_BENCH_ENV, seedFarms } from './support/seed-farms.js';
const which = (process.argv[2] ?? 'flat') as keyof typeof FARM_QUERIES;
const N = Number(process.argv[3] ?? 10000);
const bundledDir = await firstPartyBundledDir();
const platform = await startTestPlatform(LIST_BENCH_ENV, { bundledDir });
try {
  const token = await platform.adminToken();
  await seedFarms(platform, token);
  const catalog = createPermissionCatalog(platform.modules);
  const { auth } = await createAccessControl({ store: platform.store, tokenSecret: await loadOrCreateSecret(platform.dataDir, 'token.key'), tokenTtlSeconds: platform.config.tokenTtlSeconds, installationId: platform.installationId, catalog, livePermissions: catalog.live, audit: { append: async () => {} } as never });
  const recorder = createFieldUsageRecorder({ repository: {} as never, retentionDays: 30, logger: { warn() {} } });
  const schema = platform.modules.schema();
  const yoga = createYogaServer({ schemaHolder: { current: () => ({ schema, version: 1 }) } as never, auth, logger: createLogger({ level: 'silent' }), exposure: platform.config.graphql, plugins: [useFieldUsage(recorder)] });
  const query = FARM_QUERIES[which];
  const authorization = `Bearer ${token}`;
  const mkRequest = () => ({ method: 'POST', url: 'http://127.0.0.1/graphql', headers: new Headers({ authorization, 'content-type': 'application/json' }) }) as unknown as Request;
  const requestAuth = createRequestAuth(auth);
  const compiled = compileQuery(schema, parse(query), undefined, { customSerializers: jitScalarSerializers(schema) });
  if (!isCompiledQuery(compiled)) throw new Error('no compile');
  let last: unknown;
  const phases: Record<string, () => Promise<unknown> | unknown> = {
    headers: () => mkRequest(),
    auth: async () => requestAuth.authFor(mkRequest()),
    'auth+exec': async () => { const request = mkRequest(); const ctx = { request, ...(await requestAuth.authFor(request)) }; markTrustedContext(ctx, token); return (last = await compiled.query(undefined, ctx, {})); },
    full: async () => (last = await yoga.getResultForParams({ params: { query }, request: mkRequest() }, {})),
    stringify: () => JSON.stringify(last),
  };
  for (let round = 0; round < 2; round++) {
    const out: string[] = [];
    for (const [name, fn] of Object.entries(phases)) {
      for (let i = 0; i < 1000; i++) await fn();
      const c = mainThreadCpuMs();
      for (let i = 0; i < N; i++) await fn();
      out.push(`${name} ${(((mainThreadCpuMs() - c) * 1000) / N).toFixed(1)}`);
    }
    console.log(which, out.join(' | '));
  }
} finally { await platform.stop(); await rm(bundledDir, { recursive: true, force: true }); }
