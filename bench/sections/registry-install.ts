import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packModule, publishPackage } from '../../src/packaging/index.js';
import { discoverModules } from '../../src/plugins/discovery/index.js';
import { extractPackage } from '../../src/plugins/extract/index.js';
import { createMemoryRegistryState, createRegistryClient } from '../../src/plugins/registry/index.js';
import { createInstallerRegistry, simpleModule } from '../../test/support/installer-registry.js';
import { startTestPlatform } from '../../test/support/start-test-platform.js';
import type { BenchSection } from '../report.js';

const PAYLOAD_BYTES = 50 * 1024 * 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await run();
  return [performance.now() - started, result];
}

/** A module whose bundle carries ~50 MB of incompressible text (imported, so esbuild inlines it). */
async function bigModuleDir(root: string): Promise<string> {
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
  await writeFile(path.join(dir, 'src', 'payload.txt'), randomBytes((PAYLOAD_BYTES * 3) / 4).toString('base64'));
  await writeFile(
    path.join(dir, 'src', 'index.ts'),
    "import payload from './payload.txt';\nexport default { typeDefs: 'extend type Query { bigBench: Int! }', resolvers: { Query: { bigBench: () => payload.length } } };\n",
  );
  return dir;
}

export const registryAndInstall: BenchSection = {
  title: 'Registry and install: ~50 MB package, loopback registry',
  async run() {
    const root = await mkdtemp(path.join(tmpdir(), 'a64-bench-install-'));
    const registry = await createInstallerRegistry();
    try {
      const [packMs, packed] = await time(() => bigModuleDir(root).then((dir) => packModule(dir, path.join(root, 'out'))));
      const [publishMs] = await time(() => publishPackage(packed.file, registry.dir, registry.registryKey.privateJwk));

      const client = createRegistryClient({
        url: registry.url,
        publicKey: registry.registryKey.publicJwk,
        ttlSeconds: 60,
        state: createMemoryRegistryState(),
      });
      const fetches: number[] = [];
      for (let i = 0; i < 20; i++) fetches.push((await time(() => client.getCatalog({ fresh: true })))[0]);

      const [extractMs] = await time(() =>
        extractPackage(packed.file, path.join(root, 'staging'), { maxExtractedBytes: 1024 ** 3, maxEntries: 20_000 }),
      );

      const modulesDir = path.join(root, 'discover');
      for (let i = 0; i < 50; i++) {
        const dir = path.join(modulesDir, `mod_${i}`);
        await mkdir(dir, { recursive: true });
        await writeFile(
          path.join(dir, 'manifest.json'),
          JSON.stringify({
            module_name: `mod_${i}`,
            display_name: `M${i}`,
            version: '1.0.0',
            description: '',
            author: 'b',
            entry: 'index.js',
          }),
        );
        await writeFile(path.join(dir, 'index.js'), 'export default { typeDefs: "" };');
      }
      const discoveries: number[] = [];
      for (let i = 0; i < 10; i++)
        discoveries.push((await time(() => discoverModules({ bundledDir: modulesDir, installedDir: path.join(root, 'none') })))[0]);

      const SMALL = 10;
      for (let i = 0; i < SMALL; i++) await registry.publish(simpleModule(`small_${i}`, '1.0.0', `small${i}`, `s${i}`));
      const platform = await startTestPlatform(registry.env);
      try {
        const token = await platform.adminToken();
        const install = (name: string) =>
          platform.gql(`mutation { installModule(input: { name: "${name}" }) { state } }`, undefined, token);
        const [installMs, installed] = await time(() => install('big_bench'));
        if (installed.errors) throw new Error(JSON.stringify(installed.errors));
        global.gc?.();
        const before = process.memoryUsage();
        const loads: number[] = [];
        for (let i = 0; i < SMALL; i++) loads.push((await time(() => install(`small_${i}`)))[0]);
        global.gc?.();
        const after = process.memoryUsage();
        return [
          {
            name: 'pack (esbuild bundle + reproducible tar.gz)',
            value: packMs,
            unit: 'ms',
            note: `${(packed.size / 2 ** 20).toFixed(1)} MB gz`,
          },
          { name: 'publish (check, copy, catalog, sign)', value: publishMs, unit: 'ms' },
          { name: 'catalog fetch + verify (median of 20)', value: median(fetches), unit: 'ms' },
          { name: 'extraction of the 50 MB package', value: extractMs, unit: 'ms', target: '< 2000 (seed)' },
          { name: 'discovery of 50 modules (median of 10)', value: median(discoveries), unit: 'ms', target: '< 100 (seed), < 20 (goal)' },
          { name: 'full installModule of the 50 MB package', value: installMs, unit: 'ms', target: '< 30000 (seed), < 5000 (goal)' },
          { name: 'installModule of a small module (median)', value: median(loads), unit: 'ms', target: '< 500 module load (seed)' },
          {
            name: 'heap growth per installed module',
            value: (after.heapUsed - before.heapUsed) / SMALL / 2 ** 20,
            unit: 'MB',
            target: '< 50 (seed)',
          },
          { name: 'RSS growth per installed module', value: (after.rss - before.rss) / SMALL / 2 ** 20, unit: 'MB', target: '< 50 (seed)' },
        ];
      } finally {
        await platform.stop();
      }
    } finally {
      await registry.close();
      await rm(root, { recursive: true, force: true });
    }
  },
};
