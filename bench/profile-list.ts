import { rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { printSchema } from 'graphql';
import { startTestPlatform } from '../test/support/start-test-platform.js';
import { runLoad } from './load.js';
import { firstPartyBundledDir } from './support/first-party-bundled-dir.js';
import { mainThreadCpuMs } from './support/main-thread-cpu.js';
import { schemaAnsweringFromMemory, startBareYoga } from './support/peer-servers.js';
import { FARM_QUERIES, LIST_BENCH_ENV, seedFarms } from './support/seed-farms.js';

// `node --import tsx bench/profile-list.ts [flat|nested] [seconds] [profile.cpuprofile]`: the A64
// side of the list-heavy section alone: req/s, main-thread CPU per request and, when a file is
// named, a CPU profile of the server during the load only (the load runs on a worker thread).
const which = (process.argv[2] ?? 'flat') as keyof typeof FARM_QUERIES;
// BARE=1: profile bare graphql-yoga serving the platform's answers from memory instead.
const bare = process.env.BARE === '1';
const seconds = Number(process.argv[3] ?? 5);
const profileFile = process.argv[4];
const bundledDir = await firstPartyBundledDir();
const platform = await startTestPlatform(LIST_BENCH_ENV, { bundledDir });
// BARE=1: stopped with the platform, or the process never exits.
let bareYoga: Awaited<ReturnType<typeof startBareYoga>> | undefined;
try {
  const token = await platform.adminToken();
  await seedFarms(platform, token);
  const body = JSON.stringify({ query: FARM_QUERIES[which] });
  let url = platform.graphqlUrl;
  if (bare) {
    const answer = await platform.gql<{ farms: unknown }>(FARM_QUERIES[which], undefined, token);
    bareYoga = await startBareYoga(
      schemaAnsweringFromMemory(printSchema(platform.modules.schema()), new Map([[FARM_QUERIES[which], answer.data?.farms]])),
    );
    url = bareYoga.url;
  }
  await runLoad(url, body, { seconds: 1, headers: { authorization: `Bearer ${token}` } });
  const session = new Session();
  if (profileFile) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const cpu = mainThreadCpuMs();
  const result = await runLoad(url, body, { seconds, headers: { authorization: `Bearer ${token}` } });
  if (profileFile) {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(profileFile, JSON.stringify(profile));
    session.disconnect();
  }
  const cpuMsPerRequest = (mainThreadCpuMs() - cpu) / result.requests;
  if (result.firstFailure) console.log(result.firstFailure);
  console.log(which, { perSecond: Math.round(result.perSecond), failures: result.failures, cpuMsPerRequest: cpuMsPerRequest.toFixed(3) });
} finally {
  await bareYoga?.stop();
  await platform.stop();
  await rm(bundledDir, { recursive: true, force: true });
}
