// Builds what `npm start` needs without configuration (run by `npm run build`, after tsc):
//  - build/bundled/<name>/  the modules listed in modules/bundled.json, ready to load;
//  - build/registry/        every module of modules/ packed and published into a local registry,
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
  resignCatalog,
  writeModuleDir,
  writeSignedJson,
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
async function fingerprint(moduleDir) {
  const hash = createHash('sha256');
  for (const dir of [moduleDir, path.join(root, 'src', 'sdk'), path.join(root, 'dist', 'packaging')]) {
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

/** Packs and publishes one module unless the registry already has exactly this build. */
async function publishDemo(name, key, state, catalog) {
  const dir = path.join(modulesDir, name);
  const print = await fingerprint(dir);
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  const listed = catalog?.modules.find((module) => module.name === name)?.versions.find((entry) => entry.version === manifest.version);
  const known = state.modules[name];
  if (listed && known?.fingerprint === print && known.version === manifest.version) return false;
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
    state.modules[name] = { fingerprint: print, version: manifest.version };
    return published;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

async function resignIfExpiring(key, state, published) {
  const soon = Date.now() + RESIGN_WITHIN_DAYS * 86_400_000;
  const catalog = await readRegistryCatalog(registryDir);
  if (catalog && !published && Date.parse(catalog.expires) < soon) {
    state.catalogVersion = await resignCatalog(registryDir, key, { minVersion: state.catalogVersion + 1 });
  }
  const revocations = await readJson(path.join(registryDir, 'revocations.json'), null);
  if (revocations && Date.parse(revocations.expires) < soon) {
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString();
    await writeSignedJson(registryDir, 'revocations.json', { ...revocations, version: revocations.version + 1, expires }, key);
  }
}

async function main() {
  const key = await devKey();
  const state = { catalogVersion: 0, modules: {}, ...(await readJson(stateFile, {})) };
  const bundled = await readJson(path.join(modulesDir, 'bundled.json'), ['farm_manager']);
  const names = await moduleDirs();
  let catalog = await readRegistryCatalog(registryDir).catch(() => null);
  state.catalogVersion = Math.max(state.catalogVersion, catalog?.version ?? 0);
  let published = false;

  await mkdir(bundledDir, { recursive: true });
  for (const stale of await readdir(bundledDir)) {
    if (!bundled.includes(stale)) await rm(path.join(bundledDir, stale), { recursive: true, force: true });
  }
  for (const name of names) {
    if (bundled.includes(name)) {
      await buildBundled(name).catch((error) => warn(`bundled module ${name} not built: ${error.message}`));
    }
    try {
      if (await publishDemo(name, key, state, catalog)) {
        published = true;
        catalog = await readRegistryCatalog(registryDir);
      }
    } catch (error) {
      warn(`module ${name} not published to the demo registry: ${error.message}`);
    }
  }
  await mkdir(registryDir, { recursive: true });
  await resignIfExpiring(key, state, published);
  await writeFile(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  console.log(`demo registry: ${path.relative(process.cwd(), registryDir) || registryDir} (DEVELOPMENT key — never use in production)`);
}

await main();
