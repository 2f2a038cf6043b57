import { Worker } from 'node:worker_threads';
import { mainThreadCpuMs } from './support/main-thread-cpu.js';

// Node 20 does not apply `--import tsx` to worker threads, so the worker registers tsx itself.
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./load-worker.ts', import.meta.url).href)}); })`;

export interface LoadResult {
  requests: number;
  failures: number;
  /** The first failed answer (status and body) or socket error, to tell why. */
  firstFailure?: string;
  seconds: number;
  perSecond: number;
}

export interface LoadRequest {
  url: string;
  body: string;
  concurrency: number;
  seconds: number;
  headers: Record<string, string>;
}

export interface LoadOptions {
  /** Keep-alive clients sending back to back (default 32). */
  concurrency?: number;
  /** How long to send (default 3). */
  seconds?: number;
  headers?: Record<string, string>;
}

/**
 * Sends the same GraphQL POST from `concurrency` keep-alive clients for `seconds`, counting
 * completed 200 answers without errors. The clients run on a worker thread, so the server in
 * this process is measured, not the load generator. Bounded in time; loopback only.
 */
export function runLoad(url: string, body: string, options: LoadOptions = {}): Promise<LoadResult> {
  const workerData: LoadRequest = {
    url,
    body,
    concurrency: options.concurrency ?? 32,
    seconds: options.seconds ?? 3,
    headers: options.headers ?? {},
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load worker exited with code ${code}`));
    });
  });
}

export interface Comparison {
  baseline: number;
  candidate: number;
  /** median(candidate) / median(baseline). */
  ratio: number;
  /** Lowest and highest per-round ratio: how much the machine drifted. */
  spread: [number, number];
  failures: number;
  firstFailure?: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Throughput of two servers measured in alternating rounds (baseline, candidate, baseline, …) after
 * a warm-up of each, so drift on a shared machine (CPU boost, neighbours, GC) hits both alike.
 * Reports the median req/s of each side, their ratio, and the spread of the per-round ratios.
 */
export async function compareLoad(
  baseline: { url: string; body: string; headers?: Record<string, string> },
  candidate: { url: string; body: string; headers?: Record<string, string> },
  options: { rounds?: number; seconds?: number; concurrency?: number } = {},
): Promise<Comparison> {
  const rounds = options.rounds ?? 5;
  const load = (side: typeof baseline, seconds: number) =>
    runLoad(side.url, side.body, { seconds, concurrency: options.concurrency, headers: side.headers });
  await load(baseline, 1);
  await load(candidate, 1);
  const base: number[] = [];
  const cand: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  for (let round = 0; round < rounds; round++) {
    const b = await load(baseline, options.seconds ?? 2);
    const c = await load(candidate, options.seconds ?? 2);
    base.push(b.perSecond);
    cand.push(c.perSecond);
    failures += b.failures + c.failures;
    firstFailure ??= b.firstFailure ?? c.firstFailure;
  }
  const perRound = cand.map((value, i) => value / base[i]!);
  return {
    baseline: median(base),
    candidate: median(cand),
    ratio: median(cand) / median(base),
    spread: [Math.min(...perRound), Math.max(...perRound)],
    failures,
    firstFailure,
  };
}

/** "rounds 0.91–1.12×": the per-round ratios, for a row's note. */
export function spreadNote([low, high]: [number, number]): string {
  return `rounds ${low.toFixed(2)}–${high.toFixed(2)}×`;
}

export interface LoadSide {
  name: string;
  url: string;
  body: string;
  headers?: Record<string, string>;
}

export interface SideFigures {
  name: string;
  /** Median req/s over the rounds. */
  perSecond: number;
  /** Median main-thread CPU ms per answered request: the server's own cost, little moved by neighbours. */
  cpuMsPerRequest: number;
  /** req/s of each round, for per-round ratios. */
  rounds: number[];
}

/**
 * Throughput of several servers living in this process, measured in alternating rounds (each
 * side once per round, in order) after a 1 s warm-up of each, with the load on a worker thread.
 * Besides req/s it records this thread's CPU time per request, which — unlike req/s — hardly
 * depends on what else the machine is doing. Throws on any failed request.
 */
export async function compareServers(sides: LoadSide[], options: { rounds?: number; seconds?: number } = {}): Promise<SideFigures[]> {
  const load = (side: LoadSide, seconds: number) => runLoad(side.url, side.body, { seconds, headers: side.headers });
  for (const side of sides) await load(side, 1);
  const perSecond = sides.map(() => [] as number[]);
  const cpu = sides.map(() => [] as number[]);
  for (let round = 0; round < (options.rounds ?? 3); round++) {
    for (const [i, side] of sides.entries()) {
      const before = mainThreadCpuMs();
      const result = await load(side, options.seconds ?? 3);
      if (result.failures) throw new Error(`${side.name}: ${result.failures} failed requests, first: ${result.firstFailure}`);
      perSecond[i]!.push(result.perSecond);
      cpu[i]!.push((mainThreadCpuMs() - before) / result.requests);
    }
  }
  return sides.map((side, i) => ({
    name: side.name,
    perSecond: median(perSecond[i]!),
    cpuMsPerRequest: median(cpu[i]!),
    rounds: perSecond[i]!,
  }));
}

/** candidate ÷ baseline req/s per round: the median and the spread, which the machine's drift moves. */
export function roundRatios(candidate: SideFigures, baseline: SideFigures): { ratio: number; spread: [number, number] } {
  const perRound = candidate.rounds.map((value, i) => value / baseline.rounds[i]!);
  return { ratio: median(perRound), spread: [Math.min(...perRound), Math.max(...perRound)] };
}
