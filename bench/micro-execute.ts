import { execFileSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { startTestPlatform } from '../test/support/start-test-platform.js';
import { firstPartyBundledDir } from './support/first-party-bundled-dir.js';
import { inProcessYoga } from './support/in-process-yoga.js';
import { mainThreadCpuMs } from './support/main-thread-cpu.js';
import { type FARM_QUERIES, LIST_BENCH_ENV, seedFarms } from './support/seed-farms.js';

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
  const run = await inProcessYoga(platform, token, which);
  let length = 0;
  const once = async () => {
    length = JSON.stringify((await run()).result).length;
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
