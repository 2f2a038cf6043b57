import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { packModule, publishPackage } from '../../src/packaging/index.js';
import { discoverModules } from '../../src/plugins/discovery/index.js';
import { extractPackage } from '../../src/plugins/extract/index.js';
import { createMemoryRegistryState, createRegistryClient } from '../../src/plugins/registry/index.js';
import { gql } from '../../test/support/graphql-client.js';
import { createInstallerRegistry, type InstallerRegistry, simpleModule } from '../../test/support/installer-registry.js';
import { startServerProcess as spawnServer } from '../../test/support/server-process.js';
import { startTestPlatform } from '../../test/support/start-test-platform.js';
import type { BenchRow, BenchSection } from '../report.js';
import { stepDurations, watchModuleEvents } from '../support/watch-module-events.js';

/** Random bytes behind the payload: as base64 text they gzip back to about this size. */
const PAYLOAD_RANDOM_BYTES = 50 * 1024 * 1024;
const PAYLOAD_FILES = 64;
const SMALL_MODULES = 20;
const MB = 2 ** 20;
const ADMIN = 'bench@example.test';
const PASSWORD = 'bench-password-1';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await run();
  return [performance.now() - started, result];
}

/**
 * A module whose bundle carries ~67 MB of base64 text in 64 imported files (esbuild inlines each as
 * its own string): a ~50 MB package. Split like real bundled code and assets; one 67 MB string
 * literal alone takes V8 ~10 s to compile on this machine, which would measure V8, not the platform.
 */
async function bigModuleDir(root: string): Promise<{ dir: string; payloadBytes: number }> {
  const dir = path.join(root, 'big_bench');
  await mkdir(path.join(dir, 'src'), { recursive: true });
  const manifest = {
    module_name: 'big_bench',
    display_name: 'Big bench',
    version: '1.0.0',
    description: '50 MB payload',
    author: 'Bench',
    entry: 'index.js',
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  let payloadBytes = 0;
  const imports: string[] = [];
  for (let i = 0; i < PAYLOAD_FILES; i++) {
    const text = randomBytes(PAYLOAD_RANDOM_BYTES / PAYLOAD_FILES).toString('base64');
    payloadBytes += text.length;
    await writeFile(path.join(dir, 'src', `payload-${i}.txt`), text);
    imports.push(`import p${i} from './payload-${i}.txt';`);
  }
  const all = Array.from({ length: PAYLOAD_FILES }, (_, i) => `p${i}`).join(', ');
  await writeFile(
    path.join(dir, 'src', 'index.ts'),
    `${imports.join('\n')}\nconst payload = [${all}];\nexport default { typeDefs: 'extend type Query { bigBench: Int! }', resolvers: { Query: { bigBench: () => payload.reduce((sum, part) => sum + part.length, 0) } } };\n`,
  );
  return { dir, payloadBytes };
}

/** 50 valid module directories (manifest + entry) for discovery. */
async function fiftyModuleDirs(modulesDir: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const dir = path.join(modulesDir, `mod_${i}`);
    await mkdir(dir, { recursive: true });
    const manifest = { module_name: `mod_${i}`, display_name: `M${i}`, version: '1.0.0', description: '', author: 'b', entry: 'index.js' };
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    await writeFile(path.join(dir, 'index.js'), 'export default { typeDefs: "" };');
  }
}

async function registryRows(root: string, registry: InstallerRegistry): Promise<{ rows: BenchRow[]; packageFile: string }> {
  const source = await bigModuleDir(root);
  const [packMs, packed] = await time(() => packModule(source.dir, path.join(root, 'out')));
  const [publishMs] = await time(() => publishPackage(packed.file, registry.dir, registry.registryKey.privateJwk));
  const client = createRegistryClient({
    url: registry.url,
    publicKey: registry.registryKey.publicJwk,
    ttlSeconds: 60,
    state: createMemoryRegistryState(),
  });
  const fetches: number[] = [];
  for (let i = 0; i < 20; i++) fetches.push((await time(() => client.getCatalog({ fresh: true })))[0]);
  const rows: BenchRow[] = [
    {
      name: 'pack (esbuild bundle + reproducible tar.gz)',
      value: packMs,
      unit: 'ms',
      note: `${(source.payloadBytes / MB).toFixed(0)} MB of payload → ${(packed.size / MB).toFixed(1)} MB tar.gz`,
    },
    { name: 'publish (check, copy, checksums, catalog, sign)', value: publishMs, unit: 'ms' },
    { name: 'catalog fetch + verify, fresh (median of 20)', value: median(fetches), unit: 'ms' },
  ];
  return { rows, packageFile: packed.file };
}

async function localRows(root: string, packageFile: string): Promise<BenchRow[]> {
  const limits = { maxExtractedBytes: 1024 ** 3, maxEntries: 20_000 };
  const [extractMs] = await time(() => extractPackage(packageFile, path.join(root, 'staging'), limits));
  const modulesDir = path.join(root, 'discover');
  await fiftyModuleDirs(modulesDir);
  const discoveries: number[] = [];
  for (let i = 0; i < 10; i++) {
    discoveries.push((await time(() => discoverModules({ bundledDir: modulesDir, installedDir: path.join(root, 'none') })))[0]);
  }
  return [
    { name: 'extraction of the 50 MB package (extractPackage)', value: extractMs, unit: 'ms', target: '< 2000 (seed)' },
    {
      name: 'discovery of 50 modules (median of 10)',
      value: median(discoveries),
      unit: 'ms',
      target: '< 100 (seed), < 20 (goal)',
    },
  ];
}

type Gql = (query: string) => Promise<unknown>;

function gqlClient(graphqlUrl: string, token: string): Gql {
  return async (query) => {
    const answer = await gql(graphqlUrl, query, undefined, token);
    if (answer.errors) throw new Error(`${query}: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  };
}

/**
 * The 50 MB install against `a64 serve` from dist/ in its own process: what production runs. (In
 * this tsx-loaded process every import() also goes through tsx, which adds ~1 s for a 67 MB entry.)
 */
async function bigInstallRows(registry: InstallerRegistry, root: string): Promise<BenchRow[]> {
  const server = await spawnServer({
    ...registry.env,
    DATA_DIR: path.join(root, 'served-data'),
    ADMIN_EMAIL: ADMIN,
    ADMIN_PASSWORD: PASSWORD,
    LOG_LEVEL: 'warn',
  });
  try {
    const graphqlUrl = `${server.url}/graphql`;
    const login = await gql<{ login: { token: string } }>(
      graphqlUrl,
      `mutation { login(email: "${ADMIN}", password: "${PASSWORD}") { token } }`,
    );
    if (!login.data) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
    const token = login.data.login.token;
    const watch = await watchModuleEvents(graphqlUrl, token, 'big_bench');
    await sleep(300); // let the subscription attach before the operation starts
    const [installMs] = await time(() =>
      gqlClient(graphqlUrl, token)('mutation { installModule(input: { name: "big_bench" }) { state } }'),
    );
    const steps = stepDurations(await watch.done);
    return [
      {
        name: 'full installModule of the 50 MB package (a64 serve, GraphQL)',
        value: installMs,
        unit: 'ms',
        target: '< 30000 (seed), < 5000 (goal)',
      },
      ...steps.map((step) => ({ name: `  step ${step.step}`, value: step.ms, unit: 'ms' })),
    ];
  } finally {
    await server.stop();
  }
}

/** Small installs, enable and memory, in this process (so gc() and heapUsed see the platform). */
async function smallInstallRows(registry: InstallerRegistry): Promise<BenchRow[]> {
  const platform = await startTestPlatform(registry.env);
  try {
    const run = gqlClient(platform.graphqlUrl, await platform.adminToken());
    await run('mutation { installModule(input: { name: "small_warmup" }) { state } }');
    global.gc?.();
    const before = process.memoryUsage();
    const installs: number[] = [];
    for (let i = 0; i < SMALL_MODULES; i++) {
      installs.push((await time(() => run(`mutation { installModule(input: { name: "small_${i}" }) { state } }`)))[0]);
    }
    global.gc?.();
    const after = process.memoryUsage();
    const enables: number[] = [];
    for (let i = 0; i < 10; i++) {
      await run('mutation { disableModule(name: "small_0") { state } }');
      enables.push((await time(() => run('mutation { enableModule(name: "small_0") { state } }')))[0]);
    }
    return [
      { name: 'installModule of a small module (median)', value: median(installs), unit: 'ms' },
      {
        name: 'enableModule of an installed module, GraphQL (median of 10)',
        value: median(enables),
        unit: 'ms',
        target: '< 500 (seed)',
      },
      {
        name: `heap growth per installed module (${SMALL_MODULES} modules, after gc)`,
        value: (after.heapUsed - before.heapUsed) / SMALL_MODULES / MB,
        unit: 'MB',
        target: '< 50 (seed)',
      },
      {
        name: `RSS growth per installed module (${SMALL_MODULES} modules)`,
        value: (after.rss - before.rss) / SMALL_MODULES / MB,
        unit: 'MB',
        target: '< 50 (seed)',
      },
    ];
  } finally {
    await platform.stop();
  }
}

export const registryAndInstall: BenchSection = {
  title: 'Registry and install: ~50 MB package, loopback registry, embedded store',
  async run() {
    const root = await mkdtemp(path.join(tmpdir(), 'a64-bench-install-'));
    const registry = await createInstallerRegistry();
    try {
      const { rows, packageFile } = await registryRows(root, registry);
      rows.push(...(await localRows(root, packageFile)));
      rows.push(...(await bigInstallRows(registry, root)));
      for (const name of ['small_warmup', ...Array.from({ length: SMALL_MODULES }, (_, i) => `small_${i}`)]) {
        await registry.publish(simpleModule(name, '1.0.0', name.replace('_', ''), name));
      }
      rows.push(...(await smallInstallRows(registry)));
      return rows;
    } finally {
      await registry.close();
      await rm(root, { recursive: true, force: true });
    }
  },
};
