import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.js';
import { platformError } from '../src/errors/index.js';
import { createLogger } from '../src/logging/index.js';
import { createPlatform, type StartedPlatform } from '../src/platform/create-platform.js';
import { errorLogLevel } from '../src/server/create-yoga-logging.js';
import { gql } from './support/graphql-client.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/start-test-platform.js';

interface LogLine {
  level: number;
  msg: string;
  code?: string;
}
const LEVEL = { info: 30, warn: 40, error: 50 };

describe("log levels: the caller's mistakes are info, the platform's faults error", () => {
  let dataDir: string;
  let platform: ReturnType<typeof createPlatform>;
  let started: StartedPlatform;
  let token: string;
  const lines: LogLine[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'a64-log-levels-'));
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, ADMIN_EMAIL, ADMIN_PASSWORD, LOG_LEVEL: 'info' });
    platform = createPlatform(config, { logger });
    started = await platform.start();
    const login = await gql<{ login: { token: string } }>(
      started.graphqlUrl,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      {
        e: ADMIN_EMAIL,
        p: ADMIN_PASSWORD,
      },
    );
    token = login.data!.login.token;
  });
  afterAll(async () => {
    await platform?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Sends a mutation that must be refused with `code`, and returns the log lines it caused. */
  async function refused(query: string, code: string): Promise<LogLine[]> {
    const before = lines.length;
    const response = await gql(started.graphqlUrl, query, undefined, token);
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    return lines.slice(before).filter((line) => line.code === code);
  }

  it.each([
    ['a short password', 'mutation { createUser(email: "ann@example.test", password: "short", role: USER) { id } }', 'BAD_USER_INPUT'],
    ['an unknown module', 'mutation { installModule(input: { name: "no_such_module" }) { name } }', 'MODULE_NOT_FOUND'],
    [
      'a bad license key',
      'mutation { installModule(input: { name: "weather_station", licenseKey: "not-a-key" }) { name } }',
      'LICENSE_INVALID',
    ],
    ['a wrong password', 'mutation { login(email: "root@example.test", password: "wrong password!") { token } }', 'UNAUTHENTICATED'],
  ])('logs %s at info, with its code, never at error', async (_what, query, code) => {
    const logged = await refused(query, code);
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line.level).toBe(LEVEL.info);
  });

  it('keeps error for faults without a public code, and warn for coded server-side failures', () => {
    expect(errorLogLevel(new Error('boom'))).toBe('error');
    expect(errorLogLevel(platformError('REGISTRY_UNAVAILABLE', 'down'))).toBe('warn');
    expect(errorLogLevel(platformError('FORBIDDEN'))).toBe('info');
  });
});
