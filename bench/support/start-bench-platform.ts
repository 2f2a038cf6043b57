import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';
import { createPlatform, type PlatformOptions, type StartedPlatform } from '../../src/platform/create-platform.js';
import { postGraphQL } from '../../src/sdk/testkit/post-graphql.js';

const EMAIL = 'bench@example.test';
const PASSWORD = 'bench-password-1';

export interface BenchPlatform {
  started: StartedPlatform;
  /** The bench super admin's token. */
  token: string;
  /** Stops the platform and removes its DATA_DIR. */
  stop(): Promise<void>;
}

/** A silent platform on its own temporary DATA_DIR, signed in as its super admin. */
export async function startBenchPlatform(env: Record<string, string>, options: PlatformOptions = {}): Promise<BenchPlatform> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'a64-bench-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD, ...env });
  const platform = createPlatform(config, { logger: createLogger({ level: 'silent' }), ...options });
  const started = await platform.start();
  const login = await postGraphQL<{ login: { token: string } }>(
    started.graphqlUrl,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: EMAIL, p: PASSWORD },
  );
  if (!login.data) throw new Error(`bench login failed: ${JSON.stringify(login.errors)}`);
  return {
    started,
    token: login.data.login.token,
    async stop() {
      await platform.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
