import { rm } from 'node:fs/promises';
import { startTestPlatform } from '../test/support/start-test-platform.js';
import { runLoad } from './load.js';
import { FIRST_PARTY, firstPartyBundledDir } from './support/first-party-bundled-dir.js';
import { FARM_QUERIES, seedFarms } from './support/seed-farms.js';

// `node --cpu-prof --import tsx bench/profile-list.ts [flat|nested] [seconds]`: the A64 side of the
// list-heavy section alone, for a CPU profile of the server (the load runs on a worker thread).
const which = (process.argv[2] ?? 'flat') as keyof typeof FARM_QUERIES;
const seconds = Number(process.argv[3] ?? 5);
const bundledDir = await firstPartyBundledDir();
const platform = await startTestPlatform({ ENABLED_MODULES: FIRST_PARTY.join(',') }, { bundledDir });
try {
  const token = await platform.adminToken();
  await seedFarms(platform, token);
  const body = JSON.stringify({ query: FARM_QUERIES[which] });
  const result = await runLoad(platform.graphqlUrl, body, { seconds, headers: { authorization: `Bearer ${token}` } });
  console.log(which, result);
} finally {
  await platform.stop();
  await rm(bundledDir, { recursive: true, force: true });
}
