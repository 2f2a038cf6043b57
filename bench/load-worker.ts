import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { LoadRequest, LoadResult } from './load.js';

/**
 * The client side of `runLoad`: autocannon, on its own thread so the server under test keeps its
 * event loop (and, on a 2-core machine, a core) to itself. autocannon writes a prebuilt request
 * and parses answers with far less work than node's http client (~0.12 against ~0.35 ms of CPU
 * per 65 KB answer), so the client takes less of the CPU the server is measured on, and a fast
 * server (the ceiling) is measured rather than the client.
 */
async function run({ url, body, concurrency, seconds, headers }: LoadRequest): Promise<LoadResult> {
  let requests = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const fail = (why: string) => {
    failures++;
    firstFailure ??= why.slice(0, 300);
  };
  const started = performance.now();
  const result = await autocannon({
    url,
    connections: concurrency,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
        // An answer counts when it is a 200 without GraphQL errors, as a client would see it.
        onResponse: (status, text) => {
          if (status === 200 && !text.includes('"errors"')) requests++;
          else fail(`${status}: ${text}`);
        },
      },
    ],
  });
  const elapsed = (performance.now() - started) / 1000;
  const socketFailures = result.errors + result.timeouts;
  if (socketFailures > 0) {
    failures += socketFailures;
    firstFailure ??= `${result.errors} socket errors, ${result.timeouts} timeouts`;
  }
  return { requests, failures, firstFailure, seconds: elapsed, perSecond: requests / elapsed };
}

parentPort?.postMessage(await run(workerData as LoadRequest));
