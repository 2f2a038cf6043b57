// Builds what `npm start` needs without configuration (run by `npm run build`, after tsc):
//  - build/bundled/<name>/  the modules listed in modules/bundled.json, ready to load;
//  - build/registry/        every module of modules/ packed and published into a local registry (with the
//                           earlier releases kept under modules/<name>/releases/<version>/, e.g. Animal
//                           Manager 1.0.0 next to 1.1.0, so the README tour can install and then upgrade),
//                           signed by a DEVELOPMENT key kept in build/dev-keys/ (never use it in production).
// Unchanged modules are not re-packed; the catalog version only ever grows between builds.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildModule,
  packModule,
  publishPackage,
  readPrivateJwk,
  readRegistryCatalog,
  resignIfExpiring,
  writeModuleDir,
} from '../dist/packaging/index.js';
import { generateSigningKeyPair } from '../dist/plugins/registry/index.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const modulesDir = path.join(root, 'modules');
const buildDir = path.join(root, 'build');
const bundledDir = path.join(buildDir, 'bundled');
const registryDir = path.join(buildDir, 'registry');
const keysDir = path.join(buildDir, 'dev-keys');
const stateFile = path.join(keysDir, 'demo-state.json');
// Re-sign an idle registry's catalog/revocations when they would expire within this many days.
const RESIGN_WITHIN_DAYS = 20;

const warn = (message) => process.stderr.write(`build-demo: ${message}\n`);

async function readJson(file, fallback) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return fallback;
  }
}

/** The development key: generated once, then reused so the catalog version keeps growing under one key. */
async function devKey() {
  const privateFile = path.join(keysDir, 'private.jwk.json');
  if (!existsSync(privateFile)) {
    const { privateJwk, publicJwk } = await generateSigningKeyPair();
    await mkdir(keysDir, { recursive: true });
    await writeFile(privateFile, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600 });
    await chmod(privateFile, 0o600);
    await writeFile(path.join(keysDir, 'public.jwk.json'), `${JSON.stringify(publicJwk, null, 2)}\n`);
  }
  return readPrivateJwk(privateFile);
}

async function filesUnder(dir, base = dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'test' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(full, base)));
    else if (entry.isFile() && !entry.name.endsWith('.test.ts')) found.push(path.relative(base, full));
  }
  return found.sort();
}

/** Hash of everything that goes into a package: the module's sources, the SDK and the packer itself. */
async function fingerprint(moduleDir, sourceDir) {
  const hash = createHash('sha256');
  for (const dir of [moduleDir, sourceDir, path.join(root, 'src', 'sdk'), path.join(root, 'dist', 'packaging')]) {
    if (!existsSync(dir)) continue;
    for (const file of await filesUnder(dir)) {
      hash.update(`${path.relative(root, path.join(dir, file))}\0`);
      hash.update(await readFile(path.join(dir, file)));
    }
  }
  return hash.digest('hex');
}

async function moduleDirs() {
  if (!existsSync(modulesDir)) return [];
  const entries = await readdir(modulesDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(modulesDir, entry.name, 'manifest.json')))
    .map((entry) => entry.name)
    .sort();
}

async function buildBundled(name) {
  const built = await buildModule(path.join(modulesDir, name));
  await writeModuleDir(built, path.join(bundledDir, name));
}

/**
 * The directories to publish for one module: its earlier releases kept for the demo
 * (`modules/<name>/releases/<version>/`, so the tour can upgrade), then the module itself.
 */
async function releaseDirs(name) {
  const releases = path.join(modulesDir, name, 'releases');
  const older = existsSync(releases)
    ? (await readdir(releases, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory() && existsSync(path.join(releases, entry.name, 'manifest.json')))
        .map((entry) => path.join(releases, entry.name))
        .sort()
    : [];
  return [...older, path.join(modulesDir, name)];
}

/** Packs and publishes one module directory unless the registry already has exactly this build. */
async function publishDemo(name, dir, key, state, catalog) {
  // A release entry imports the module's own sources: both go into its fingerprint.
  const print = await fingerprint(dir, path.join(modulesDir, name, 'src'));
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  const listed = catalog?.modules.find((module) => module.name === name)?.versions.find((entry) => entry.version === manifest.version);
  const stateKey = `${name}@${manifest.version}`;
  const known = state.modules[stateKey];
  if (listed && known?.fingerprint === print) return false;
  const out = await mkdtemp(path.join(tmpdir(), 'a64-demo-pack-'));
  try {
    const packed = await packModule(dir, out);
    let published = false;
    if (listed?.sha256 !== packed.sha256) {
      // Development only: an edited module keeps its version, so replace it in place.
      const result = await publishPackage(packed.file, registryDir, key, {
        replaceExisting: true,
        minCatalogVersion: state.catalogVersion + 1,
      });
      state.catalogVersion = result.catalogVersion;
      published = true;
    }
    state.modules[stateKey] = { fingerprint: print };
    return published;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

async function main() {
  const key = await devKey();
  const state = { catalogVersion: 0, modules: {}, ...(await readJson(stateFile, {})) };
  const bundled = await readJson(path.join(modulesDir, 'bundled.json'), ['farm_manager']);
  const names = await moduleDirs();
  let catalog = await readRegistryCatalog(registryDir).catch(() => null);
  state.catalogVersion = Math.max(state.catalogVersion, catalog?.version ?? 0);

  await mkdir(bundledDir, { recursive: true });
  for (const stale of await readdir(bundledDir)) {
    if (!bundled.includes(stale)) await rm(path.join(bundledDir, stale), { recursive: true, force: true });
  }
  for (const name of names) {
    if (bundled.includes(name)) {
      await buildBundled(name).catch((error) => warn(`bundled module ${name} not built: ${error.message}`));
    }
    for (const dir of await releaseDirs(name)) {
      try {
        if (await publishDemo(name, dir, key, state, catalog)) catalog = await readRegistryCatalog(registryDir);
      } catch (error) {
        warn(`${path.relative(root, dir)} not published to the demo registry: ${error.message}`);
      }
    }
  }
  await mkdir(registryDir, { recursive: true });
  // Keep an idle demo registry from expiring (a fresh publish already has a new expiry; the platform also does this at start).
  const { catalogVersion } = await resignIfExpiring(registryDir, key, {
    withinDays: RESIGN_WITHIN_DAYS,
    minVersion: state.catalogVersion + 1,
  });
  state.catalogVersion = catalogVersion ?? state.catalogVersion;
  await writeFile(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  console.log(`demo registry: ${path.relative(process.cwd(), registryDir) || registryDir} (DEVELOPMENT key — never use in production)`);
}

await main();
