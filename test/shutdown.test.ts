import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.js';
import { errorCode } from './support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry } from './support/installer-registry.js';
import { subscribeModuleEvents } from './support/module-events.js';
import { type ServerProcess, spawnServer } from './support/spawn-server.js';
import { startTestPlatform, type TestPlatform } from './support/start-test-platform.js';

/** A promise the test resolves, and one the module resolves when it reached the gate. */
interface Gate {
  entered: Promise<void>;
  enter(): void;
  released: Promise<void>;
  release(): void;
}

function createGate(): Gate {
  const gate = {} as Gate;
  gate.entered = new Promise((resolve) => (gate.enter = resolve));
  gate.released = new Promise((resolve) => (gate.release = resolve));
  return gate;
}

// In-process modules see the test's globalThis: their resolvers and hooks wait on these gates.
const gates: Record<string, Gate> = {};
(globalThis as { __a64Gates?: Record<string, Gate> }).__a64Gates = gates;
const atGate = (name: string) => `const gate = globalThis.__a64Gates[${JSON.stringify(name)}]; gate.enter(); await gate.released;`;

/** A new TCP connection either connects (true) or is refused (false). */
async function accepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const outcome = await new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('error', () => resolve(false));
  });
  socket.destroy();
  return outcome;
}

describe('graceful shutdown (in process)', () => {
  let registry: InstallerRegistry;
  let platform: TestPlatform | null = null;
  beforeAll(async () => {
    registry = await createInstallerRegistry();
    await registry.publish({
      name: 'slow_query',
      version: '1.0.0',
      source: `export default {
  typeDefs: 'extend type Query { slowQuery: String! }',
  resolvers: { Query: { slowQuery: async () => { ${atGate('query')} return 'finished'; } } },
};
`,
    });
    await registry.publish({
      name: 'slow_enable',
      version: '1.0.0',
      source: `export default {
  typeDefs: 'extend type Query { slowEnable: String! }',
  resolvers: { Query: { slowEnable: () => 'enabled' } },
  async onEnable() { if (globalThis.__a64Gates.enable) { ${atGate('enable')} } },
};
`,
    });
  });
  afterEach(async () => {
    for (const gate of Object.values(gates)) gate.release();
    for (const name of Object.keys(gates)) delete gates[name];
    if (platform) await platform.stop().catch(() => {});
    platform = null;
  });
  afterAll(() => registry?.close());

  it('stops accepting, ends streams with SHUTTING_DOWN, lets the in-flight query and install finish, then frees the store', async () => {
    platform = await startTestPlatform(registry.env, { keepData: true });
    const { dataDir } = platform;
    const admin = await platform.adminToken();
    expect((await platform.gql('mutation { installModule(input: { name: "slow_query" }) { state } }', {}, admin)).data).toEqual({
      installModule: { state: 'ENABLED' },
    });
    const stream = await subscribeModuleEvents(platform.graphqlUrl, admin);
    gates.query = createGate();
    gates.enable = createGate();
    const query = platform.gql<{ slowQuery: string }>('{ slowQuery }');
    const install = platform.gql<{ installModule: { state: string } }>(
      'mutation { installModule(input: { name: "slow_enable" }) { state } }',
      {},
      admin,
    );
    await Promise.all([gates.query.entered, gates.enable.entered]);

    const running = platform;
    platform = null;
    const stopped = running.stop();
    expect(await accepts(running.url)).toBe(false);
    await stream.ended;
    const last = stream.payloads.at(-1)!;
    expect(errorCode(last)).toBe('SHUTTING_DOWN');

    gates.query.release();
    gates.enable.release();
    expect((await query).data).toEqual({ slowQuery: 'finished' });
    expect((await install).data).toEqual({ installModule: { state: 'ENABLED' } });
    await stopped;

    // The store is closed (its lock is free) and the finished install was kept.
    const store = await openStore({ dataDir });
    const record = await store.collection('installed_modules').findOne({ name: 'slow_enable' });
    expect(record).toMatchObject({ enabled: true });
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives up waiting after SHUTDOWN_TIMEOUT_SECONDS and closes what is still open', async () => {
    platform = await startTestPlatform({ ...registry.env, SHUTDOWN_TIMEOUT_SECONDS: '1' });
    const admin = await platform.adminToken();
    await platform.gql('mutation { installModule(input: { name: "slow_query" }) { state } }', {}, admin);
    gates.query = createGate();
    const query = platform.gql('{ slowQuery }').then(
      () => 'answered',
      () => 'cut off',
    );
    await gates.query.entered;
    const running = platform;
    platform = null;
    await running.stop();
    expect(await query).toBe('cut off');
  });
});

function outputContains(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
  });
}

describe('signals (a real `a64 serve` process)', () => {
  const sockets: Socket[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.destroy();
  });

  /** Starts a request whose body is still coming; resolves once the server has read its head. */
  async function requestInFlight(url: string): Promise<{ socket: Socket; finish(): Promise<string> }> {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    sockets.push(socket);
    socket.on('error', () => {});
    const body = JSON.stringify({ query: '{ platform { version } }' });
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`,
    );
    await once(socket, 'data'); // "HTTP/1.1 100 Continue": the server holds this request now.
    return {
      socket,
      async finish() {
        let answer = '';
        socket.on('data', (chunk) => {
          answer += chunk.toString();
        });
        const closed = once(socket, 'close');
        socket.write(body);
        await closed;
        return answer;
      },
    };
  }

  it('SIGTERM lets an in-flight request finish and exits 0; a second signal exits at once with 1', async () => {
    const dataDirs = [await mkdtemp(path.join(tmpdir(), 'a64-signal-')), await mkdtemp(path.join(tmpdir(), 'a64-signal-'))];
    const servers: ServerProcess[] = [];
    try {
      const server = await spawnServer({ DATA_DIR: dataDirs[0]! });
      servers.push(server);
      const pending = await requestInFlight(server.url);
      const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      const answer = await pending.finish();
      expect(answer).toMatch(/HTTP\/1\.1 200 OK[\s\S]*"version"/);
      expect(await exited).toBe(0);

      const second = await spawnServer({ DATA_DIR: dataDirs[1]!, LOG_LEVEL: 'info' });
      servers.push(second);
      await requestInFlight(second.url);
      const secondExit = new Promise<number | null>((resolve) => second.child.once('exit', resolve));
      // Two signals sent back to back can merge into one: send the second once the first is handled.
      const handled = outputContains(second.child, 'shutting down');
      second.child.kill('SIGTERM');
      await handled;
      second.child.kill('SIGTERM');
      expect(await secondExit).toBe(1);
    } finally {
      for (const server of servers) if (server.child.exitCode === null && server.child.signalCode === null) await server.kill();
      for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
    }
  });
});
