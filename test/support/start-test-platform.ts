import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Config, loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';
import { createPlatform, type StartedPlatform } from '../../src/platform/create-platform.js';
import { gql } from './graphql-client.js';

export const ADMIN_EMAIL = 'root@example.test';
export const ADMIN_PASSWORD = 'correct horse battery';

export interface TestPlatform extends StartedPlatform {
  dataDir: string;
  config: Config;
  gql: <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string) => ReturnType<typeof gql<T>>;
  adminToken(): Promise<string>;
  stop(): Promise<void>;
}

/** An in-process platform on 127.0.0.1:<free port> with its own temporary DATA_DIR. */
export async function startTestPlatform(
  env: Record<string, string> = {},
  options: { dataDir?: string; keepData?: boolean; bundledDir?: string } = {},
): Promise<TestPlatform> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'a64-test-')));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, ADMIN_EMAIL, ADMIN_PASSWORD, LOG_LEVEL: 'silent', ...env });
  const platform = createPlatform(config, { logger: createLogger({ level: 'silent' }), bundledDir: options.bundledDir });
  const started = await platform.start();
  let token: string | undefined;
  const client = <T>(query: string, variables?: Record<string, unknown>, bearer?: string) =>
    gql<T>(started.graphqlUrl, query, variables, bearer);
  return {
    ...started,
    dataDir,
    config,
    gql: client,
    async adminToken() {
      if (!token) {
        const login = await client<{ login: { token: string } }>(
          'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }',
          { e: ADMIN_EMAIL, p: ADMIN_PASSWORD },
        );
        if (!login.data) throw new Error(`admin login failed: ${JSON.stringify(login.errors)}`);
        token = login.data.login.token;
      }
      return token;
    },
    async stop() {
      await platform.stop();
      if (!options.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
