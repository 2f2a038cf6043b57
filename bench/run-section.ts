import { formatRows } from './report.js';
import { sections } from './sections/index.js';

// `bench/run.ts` runs each section in a process of its own, with this file: section number in,
// the section's table out (exit code 1 when it failed).
const section = sections[Number(process.argv[2])];
if (!section) throw new Error(`no bench section ${process.argv[2]}`);
try {
  console.log(formatRows(section.title, await section.run()));
} catch (error) {
  console.log(`\n${section.title}\n  FAILED: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
}
