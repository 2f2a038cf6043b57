import { execFileSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { createAccessControl } from '../src/auth/create-access-control.js';
import { loadOrCreateSecret } from '../src/auth/secret-file.js';
import { createLogger } from '../src/logging/index.js';
import { createPermissionCatalog } from '../src/platform/permission-catalog.js';
import { createFieldUsageRecorder } from '../src/plugins/changes/create-field-usage-recorder.js';
import { useFieldUsage } from '../src/plugins/changes/use-field-usage.js';
import { createYogaServer } from '../src/server/create-yoga-server.js';
import { createPlatformMetrics, useGraphqlMetrics } from '../src/server/metrics/index.js';
import { startTestPlatform } from '../test/support/start-test-platform.js';
import { firstPartyBundledDir } from './support/first-party-bundled-dir.js';
import { mainThreadCpuMs } from './support/main-thread-cpu.js';
import { FARM_QUERIES, LIST_BENCH_ENV, seedFarms } from './support/seed-farms.js';

// `node --import tsx bench/micro-execute.ts [flat|nested] [iterations] [profile.cpuprofile]`:
// the platform's own cost of one list request without any HTTP layer — envelop's parse
// (cached), validate (cached), context (token check + user load), execute (jit, module
// resolvers, store) and JSON.stringify — sequentially, in process. Prints CPU µs per request.
// With a file named: a CPU profile of the timed requests (100 µs samples).
const which = (process.argv[2] ?? 'flat') as keyof typeof FARM_QUERIES;
const iterations = Number(process.argv[3] ?? 5000);
const profileFile = process.argv[4];
// ALLOCATIONS=1: the file is a sampling heap profile (what the requests allocate) instead.
const allocations = process.env.ALLOCATIONS === '1';
const bundledDir = await firstPartyBundledDir();
const platform = await startTestPlatform(LIST_BENCH_ENV, { bundledDir });
try {
  const token = await platform.adminToken();
  await seedFarms(platform, token);
  const catalog = createPermissionCatalog(platform.modules);
  const { auth } = await createAccessControl({
    store: platform.store,
    tokenSecret: await loadOrCreateSecret(platform.dataDir, 'token.key'),
    tokenTtlSeconds: platform.config.tokenTtlSeconds,
    installationId: platform.installationId,
    catalog,
    livePermissions: catalog.live,
    audit: { append: async () => {} } as never,
  });
  const recorder = createFieldUsageRecorder({ repository: {} as never, retentionDays: 30, logger: { warn() {} } });
  const yoga = createYogaServer({
    schemaHolder: { current: () => ({ schema: platform.modules.schema(), version: 1 }) } as never,
    auth,
    logger: createLogger({ level: 'silent' }),
    exposure: platform.config.graphql,
    // As the platform is configured (the list benches leave METRICS off).
    plugins: [...(platform.config.metrics === 'off' ? [] : [useGraphqlMetrics(createPlatformMetrics())]), useFieldUsage(recorder)],
  });
  const query = process.env.QUERY ?? FARM_QUERIES[which];
  const authorization = `Bearer ${token}`;
  let length = 0;
  let execNs = 0n; let execCount = 0;
  const thrash = new Uint8Array(Number(process.env.THRASH_KB ?? 0) * 1024); let sink = 0;
  const once = async () => {
    // A stand-in for the request a fast path holds: only the header the platform reads.
    const request = {
      method: 'POST',
      url: 'http://127.0.0.1/graphql',
      headers: new Headers({ authorization, 'content-type': 'application/json' }),
    } as unknown as Request;
    // What the plain JSON path runs for a request (src/server/fast-path/): yoga's GraphQL
    // pipeline from its parameters on — onParams, parse, validate, context, execute.
    const t0 = process.hrtime.bigint();
    const result = (await yoga.getResultForParams({ params: { query }, request }, {})) as { errors?: unknown };
    execNs += process.hrtime.bigint() - t0; execCount++;
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    length = JSON.stringify(result).length;
    for (let i = 0; i < thrash.length; i += 64) sink += thrash[i]!++;
  };
  for (let i = 0; i < 500; i++) await once();
  const session = new Session();
  if (profileFile) {
    session.connect();
    if (allocations) {
      await session.post('HeapProfiler.enable');
      await session.post('HeapProfiler.startSampling', {
        samplingInterval: 512,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    } else {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 100 });
      await session.post('Profiler.start');
    }
  }
  // CALLGRIND=1 under `valgrind --tool=callgrind --instr-atstart=no` (and `node --predictable
  // --predictable-gc-schedule`, which makes the count repeat within 0.5%): count only the timed
  // requests. The loop never yields to the event loop, so no timer runs inside it.
  const callgrind = (on: boolean) => {
    if (process.env.CALLGRIND === '1') execFileSync('callgrind_control', ['-i', on ? 'on' : 'off', String(process.pid)]);
  };
  callgrind(true);
  const cpu = process.cpuUsage();
  const mainCpu = mainThreadCpuMs();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await once();
  const used = process.cpuUsage(cpu);
  callgrind(false);
  const mainUs = ((mainThreadCpuMs() - mainCpu) * 1000) / iterations;
  const wall = performance.now() - start;
  if (profileFile) {
    const { profile } = allocations ? await session.post('HeapProfiler.stopSampling') : await session.post('Profiler.stop');
    await writeFile(profileFile, JSON.stringify(profile));
    session.disconnect();
  }
  console.log('exec wall us', Number(execNs / BigInt(execCount)) / 1000);
  console.log(
    which,
    JSON.stringify({
      bytes: length,
      mainThreadCpuUs: Math.round(mainUs),
      processCpuUs: Math.round((used.user + used.system) / iterations),
      wallUs: Math.round((wall * 1000) / iterations),
    }),
  );
} finally {
  await platform.stop();
  await rm(bundledDir, { recursive: true, force: true });
}
