import { readFileSync } from 'node:fs';

/**
 * CPU time (ms) the process's main thread has used so far, from /proc (Linux; clock ticks of
 * 10 ms). Unlike wall-clock throughput it barely moves when neighbours keep the cores busy, and
 * it leaves out the load generator on its worker thread. NaN where /proc is missing.
 */
export function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}
