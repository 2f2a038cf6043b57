import os from 'node:os';
import { formatRows } from './report.js';
import { sections } from './sections/index.js';

/** Other processes on this machine skew every req/s figure; say so next to them. */
function loadNote(): string {
  const [oneMinute] = os.loadavg();
  const busy = oneMinute! > os.cpus().length / 2;
  return `load average ${oneMinute!.toFixed(2)}${busy ? ' — other processes are busy, throughput figures will be noisy' : ''}`;
}

// `npm run bench [-- <section title substring>]` runs every section (or the matching ones).
const filter = process.argv[2]?.toLowerCase();
console.log(
  `A64 Platform benchmarks — node ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${loadNote()}`,
);
const started = performance.now();
let ran = 0;
for (const section of sections) {
  if (filter && !section.title.toLowerCase().includes(filter)) continue;
  ran++;
  try {
    console.log(formatRows(section.title, await section.run()));
  } catch (error) {
    console.log(`\n${section.title}\n  FAILED: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  }
}
if (ran === 0) {
  console.log(`\nNo section title contains "${filter}". Sections:\n${sections.map((section) => `  ${section.title}`).join('\n')}`);
  process.exitCode = 1;
}
console.log(`\n${ran} section(s) in ${((performance.now() - started) / 1000).toFixed(0)} s; at the end ${loadNote()}`);
