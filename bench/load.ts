import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  failures: number;
  seconds: number;
  perSecond: number;
}

/**
 * Sends the same GraphQL POST from `concurrency` keep-alive clients for `seconds`, counting
 * completed 200 answers without errors. Bounded in time; loopback only.
 */
export async function runLoad(
  url: string,
  body: string,
  options: { concurrency?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const concurrency = options.concurrency ?? 32;
  const seconds = options.seconds ?? 3;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const payload = Buffer.from(body);
  let requests = 0;
  let failures = 0;
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
          headers: { 'content-type': 'application/json', 'content-length': payload.length, ...options.headers },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => {
            if (res.statusCode === 200 && !text.includes('"errors"')) requests++;
            else failures++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        failures++;
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
  return { requests, failures, seconds: elapsed, perSecond: requests / elapsed };
}
