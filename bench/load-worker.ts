import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadRequest, LoadResult } from './load.js';

/**
 * The client side of `runLoad`, on its own thread so the server under test keeps its event loop
 * (and, on a 2-core machine, a core) to itself.
 */
async function run({ url, body, concurrency, seconds, headers }: LoadRequest): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const payload = Buffer.from(body);
  let requests = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const fail = (why: string) => {
    failures++;
    firstFailure ??= why.slice(0, 300);
  };
  const deadline = performance.now() + seconds * 1000;

  const once = () =>
    new Promise<void>((resolve) => {
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => {
            if (res.statusCode === 200 && !text.includes('"errors"')) requests++;
            else fail(`${res.statusCode}: ${text}`);
            resolve();
          });
        },
      );
      req.on('error', (error) => {
        fail(error.message);
        resolve();
      });
      req.end(payload);
    });

  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await once();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests, failures, firstFailure, seconds: elapsed, perSecond: requests / elapsed };
}

parentPort?.postMessage(await run(workerData as LoadRequest));
