// `node --allow-natives-syntax --import tsx bench/find-pretenured-objects.ts [flat|nested] [warm-up]`:
// after the warm-up requests, lists the objects one more request makes (reachable from its
// context, arguments, request and result; closures' captured variables are out of reach) that
// V8 allocated straight into the old generation ("OLD"). Such an object, dead at once, keeps every
// young object it points to alive through each scavenge until the next full collection — the GC
// nepotism docs/performance.md (session 12) describes. A diagnostic, not a benchmark.
import { rm } from 'node:fs/promises';
import { startTestPlatform } from '../test/support/start-test-platform.js';
import { firstPartyBundledDir } from './support/first-party-bundled-dir.js';
import { inProcessYoga } from './support/in-process-yoga.js';
import { type FARM_QUERIES, LIST_BENCH_ENV, seedFarms } from './support/seed-farms.js';

// V8's own test intrinsic; the flag makes it parse (a Function body is compiled at run time).
const young = new Function('o', 'return %InYoungGeneration(o)') as (o: unknown) => boolean;
const which = (process.argv[2] ?? 'nested') as keyof typeof FARM_QUERIES;
const warm = Number(process.argv[3] ?? 6000);
const bundledDir = await firstPartyBundledDir();
const platform = await startTestPlatform(LIST_BENCH_ENV, { bundledDir });
const captured: Record<string, unknown> = {};
try {
  const token = await platform.adminToken();
  await seedFarms(platform, token);
  // Holds the last request's objects so the walk can reach them (`ctx` first: the shorter paths).
  const capture = {
    onExecute({ args }: { args: Record<string, unknown> }) {
      captured.ctx = args.contextValue;
      captured.args = args;
    },
  };
  const run = await inProcessYoga(platform, token, which, [capture]);
  const once = async () => {
    const { result, request } = await run();
    captured.result = result;
    captured.request = request;
  };
  for (let i = 0; i < warm; i++) await once();
  const walk = () => {
    const seen = new Map<object, string>();
    const queue: Array<[unknown, string, number]> = Object.entries(captured).map(([k, v]) => [v, k, 0]);
    while (queue.length) {
      const [v, path, depth] = queue.shift()!;
      if (v === null || (typeof v !== 'object' && typeof v !== 'function')) continue;
      if (seen.has(v as object)) continue;
      seen.set(v as object, path);
      if (depth > 6 || seen.size > 50000) continue;
      if (v instanceof Map) {
        let i = 0;
        for (const [k, x] of v) {
          queue.push([k, `${path}<k${i}>`, depth + 1]);
          queue.push([x, `${path}<v${i}>`, depth + 1]);
          if (++i > 3) break;
        }
      }
      if (v instanceof Set) {
        let i = 0;
        for (const x of v) {
          queue.push([x, `${path}<${i}>`, depth + 1]);
          if (++i > 3) break;
        }
      }
      let keys: (string | symbol)[] = [];
      try {
        keys = Reflect.ownKeys(v as object);
      } catch {}
      if (Array.isArray(v)) keys = keys.filter((k) => k === 'length' || Number(k as string) < 3);
      for (const k of keys) {
        const d = Object.getOwnPropertyDescriptor(v, k);
        if (d && 'value' in d) queue.push([d.value, `${path}.${String(k)}`, depth + 1]);
      }
      const proto = Object.getPrototypeOf(v);
      if (proto && proto !== Object.prototype && proto !== Array.prototype && proto !== Function.prototype)
        queue.push([proto, `${path}.__proto__`, depth + 1]);
    }
    return seen;
  };
  const first = walk();
  await once();
  const second = walk();
  const perRequest = [...second].filter(([o]) => !first.has(o));
  const old = perRequest.filter(([o]) => !young(o));
  console.log(`${perRequest.length} objects made by one request reached, ${old.length} of them born old:`);
  for (const [o, path] of old) console.log('OLD', (o as object).constructor?.name ?? typeof o, path);
} finally {
  await platform.stop();
  await rm(bundledDir, { recursive: true, force: true });
}
