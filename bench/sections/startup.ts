import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServerProcess as spawnServer } from '../../test/support/server-process.js';
import type { BenchSection } from '../report.js';

/** Time from spawning `a64 serve` to the first answered `{ platform { version } }`. */
async function timeToFirstRequest(dataDir: string): Promise<number> {
  const started = performance.now();
  const server = await spawnServer({ DATA_DIR: dataDir, ADMIN_PASSWORD: 'bench-password-1', LOG_LEVEL: 'silent' });
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ platform { version } }' }),
  });
  if (response.status !== 200) throw new Error(`first request failed: ${response.status}`);
  const elapsed = performance.now() - started;
  await server.stop();
  return elapsed;
}

export const startup: BenchSection = {
  title: 'Start-up: spawn `a64 serve` → first served request (embedded store)',
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'a64-bench-start-'));
    try {
      const first = await timeToFirstRequest(dataDir);
      const warm = await timeToFirstRequest(dataDir);
      return [
        { name: 'first start (creates store, secrets, admin)', value: first, unit: 'ms', target: '< 5000 (seed)' },
        { name: 'restart on existing data', value: warm, unit: 'ms', target: '< 5000 (seed)' },
      ];
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
