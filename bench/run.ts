import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { sections } from './sections/index.js';

/** Other processes on this machine skew every req/s figure; say so next to them. */
function loadNote(): string {
  const [oneMinute] = os.loadavg();
  const busy = oneMinute! > os.cpus().length / 2;
  return `load average ${oneMinute!.toFixed(2)}${busy ? ' — other processes are busy, throughput figures will be noisy' : ''}`;
}

/**
 * Runs section `index` in a fresh process with this process's flags (`--expose-gc`, the tsx and
 * dist/ loaders), its table going to our stdout. A section of its own has the heap a server would
 * have: in one shared process, every section ran after the garbage of those before it (the 50 MB
 * install, 200 composed schemas), which cost the list section's A64 rows 4–14% more CPU per
 * request than a run of that section alone (docs/performance.md).
 */
function runSection(index: number): Promise<boolean> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(new URL('./run-section.ts', import.meta.url)), String(index)], {
    stdio: 'inherit',
  });
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code === 0));
    child.once('error', () => resolve(false));
  });
}

// `npm run bench [-- <section title substring>]` runs every section (or the matching ones).
const filter = process.argv[2]?.toLowerCase();
console.log(
  // The CPU model: ratios differ by machine kind (bare yoga is ~3× slower on some), so runs are compared per kind.
  `A64 Platform benchmarks — node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${loadNote()}`,
);
const started = performance.now();
let ran = 0;
for (const [index, section] of sections.entries()) {
  if (filter && !section.title.toLowerCase().includes(filter)) continue;
  ran++;
  if (!(await runSection(index))) process.exitCode = 1;
}
if (ran === 0) {
  console.log(`\nNo section title contains "${filter}". Sections:\n${sections.map((section) => `  ${section.title}`).join('\n')}`);
  process.exitCode = 1;
}
console.log(`\n${ran} section(s) in ${((performance.now() - started) / 1000).toFixed(0)} s; at the end ${loadNote()}`);
