import os from 'node:os';
import { formatRows } from './report.js';
import { sections } from './sections/index.js';

// `npm run bench [-- <section title substring>]` runs every section (or the matching ones).
const filter = process.argv[2]?.toLowerCase();
console.log(`A64 Platform benchmarks — node ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
for (const section of sections) {
  if (filter && !section.title.toLowerCase().includes(filter)) continue;
  try {
    console.log(formatRows(section.title, await section.run()));
  } catch (error) {
    console.log(`\n${section.title}\n  FAILED: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  }
}
