import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'graphql';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';
import { createSchemaHolder } from '../../src/plugins/composer/schema-holder.js';
import { discoverModules } from '../../src/plugins/discovery/index.js';
import { composeSchema, createModuleRuntime } from '../../src/plugins/index.js';
import { openStore } from '../../src/store/open-store.js';
import { bundledDirWith } from '../../test/fixtures/runtime/runtime-server.js';
import type { BenchRow, BenchSection } from '../report.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A module of 10 object types × 8 fields, each reachable from Query (as measured in issue #4). */
function syntheticModule(name: string) {
  const sdl: string[] = [];
  const resolvers: Record<string, Record<string, () => unknown>> = { Query: {} };
  for (let t = 0; t < 10; t++) {
    const type = `${name}_T${t}`;
    sdl.push(`type ${type} { ${Array.from({ length: 8 }, (_, f) => `f${f}: String`).join(' ')} }`);
    sdl.push(`extend type Query { ${name}_q${t}: ${type} }`);
    resolvers.Query![`${name}_q${t}`] = () => ({});
    resolvers[type] = { f1: () => 'x' };
  }
  return { name, document: parse(sdl.join('\n')), resolvers };
}

function rebuildAndSwap(count: number): number {
  const core = { document: parse('type Query { ok: Boolean }'), resolvers: {} };
  const modules = Array.from({ length: count }, (_, i) => syntheticModule(`m${i}`));
  const holder = createSchemaHolder(composeSchema({ core, modules }));
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    holder.swap(composeSchema({ core, modules }));
    times.push(performance.now() - started);
  }
  return median(times.slice(5));
}

/** Discovery of 50 bundled module directories (manifest read and checked), after one warm-up run. */
async function discoveryTime(count: number): Promise<number> {
  const root = await mkdtemp(path.join(tmpdir(), 'a64-bench-discover-'));
  try {
    for (let i = 0; i < count; i++) {
      const dir = path.join(root, `m${i}`);
      await mkdir(dir, { recursive: true });
      const manifest = { module_name: `m${i}`, display_name: `m${i}`, version: '1.0.0', description: 'd', author: 'a', entry: 'index.js' };
      await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      await writeFile(path.join(dir, 'index.js'), 'export default {};');
    }
    const options = { bundledDir: root, installedDir: path.join(root, 'none') };
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      const started = performance.now();
      await discoverModules(options);
      times.push(performance.now() - started);
    }
    return median(times.slice(2));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** enableModule end to end (import, validate, parse, compose, onEnable, swap) of a small module. */
async function enableTime(): Promise<number> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'a64-bench-load-'));
  const bundledDir = await bundledDirWith(['notes']);
  const store = await openStore({ dataDir });
  const runtime = createModuleRuntime({
    config: loadConfig({ DATA_DIR: dataDir, AUTO_DISCOVER_MODULES: 'false' }),
    store,
    logger: createLogger({ level: 'silent' }),
    core: { typeDefs: 'type Query { ok: Boolean } type Mutation { ok: Boolean }' },
    bundledDir,
    installedDir: path.join(dataDir, 'modules'),
  });
  try {
    await runtime.start();
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await runtime.enable('notes');
      times.push(performance.now() - started);
      await runtime.disable('notes');
    }
    return median(times.slice(5));
  } finally {
    await runtime.stop();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(bundledDir, { recursive: true, force: true });
  }
}

export const moduleRuntime: BenchSection = {
  title: 'Module runtime: schema rebuild + swap (10 types × 8 fields per module), discovery, module enable',
  async run() {
    const rows: BenchRow[] = [1, 10, 50, 200].map((count) => ({
      name: `rebuild + swap, ${count} module${count === 1 ? '' : 's'}`,
      value: rebuildAndSwap(count),
      unit: 'ms',
      ...(count === 50 ? { target: '< 50' } : {}),
    }));
    rows.push({ name: 'discover 50 module directories', value: await discoveryTime(50), unit: 'ms', target: '< 20' });
    rows.push({ name: 'enableModule (import → compose → onEnable → swap)', value: await enableTime(), unit: 'ms' });
    return rows;
  },
};
