import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  addToCatalog,
  buildModule,
  packModule,
  publishPackage,
  readRegistryCatalog,
  writeReproducibleTarGz,
  writeSignedJson,
} from '../../src/packaging/index.js';
import { parseManifest } from '../../src/plugins/manifest/index.js';
import { generateSigningKeyPair, type SigningKeyPair } from '../../src/plugins/registry/index.js';
import { startRegistryServer, type TestRegistryServer } from '../fixtures/registry-server.js';

/** A module written as plain JavaScript: manifest fields plus the source of `index.js`. */
export interface FixtureModule {
  name: string;
  version: string;
  /** The `index.js` source (an ESM default export of the module definition). */
  source: string;
  manifest?: Record<string, unknown>;
  /** More files for the package (e.g. many data files, to make extraction take a while). */
  extraFiles?: Array<{ path: string; data: Buffer }>;
}

export function manifestOf(module: FixtureModule): Record<string, unknown> {
  return {
    module_name: module.name,
    display_name: module.name,
    version: module.version,
    description: `Test module ${module.name}`,
    author: 'Tests',
    entry: 'index.js',
    dependencies: { core: '>=1.0.0' },
    ...module.manifest,
  };
}

export interface InstallerRegistry {
  dir: string;
  url: string;
  server: TestRegistryServer;
  /** Signs catalogs and revocations (REGISTRY_PUBLIC_KEY). */
  registryKey: SigningKeyPair;
  /** Signs licenses (LICENSE_PUBLIC_KEY). */
  vendorKey: SigningKeyPair;
  /** `registryKey`'s private JWK as a file, for `a64 license revoke --key`. */
  registryKeyFile: string;
  /** Environment for a platform that trusts this registry and vendor. */
  env: Record<string, string>;
  publish(module: FixtureModule): Promise<void>;
  /** Packs a real module source directory (e.g. `modules/animal_manager`) and publishes it. */
  publishDir(moduleDir: string): Promise<void>;
  /** Publishes arbitrary package bytes under a catalog entry made from `manifest` (hostile packages). */
  publishRaw(manifest: Record<string, unknown>, bytes: Buffer): Promise<void>;
  close(): Promise<void>;
}

/** A real signed registry on 127.0.0.1, published into with the real packaging code. */
export async function createInstallerRegistry(): Promise<InstallerRegistry> {
  const root = await mkdtemp(path.join(tmpdir(), 'a64-installer-registry-'));
  const dir = path.join(root, 'registry');
  const [registryKey, vendorKey] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
  const server = await startRegistryServer(dir);
  const registryKeyFile = path.join(root, 'registry.private.jwk.json');
  await writeFile(registryKeyFile, JSON.stringify(registryKey.privateJwk), { mode: 0o600 });
  let packages = 0;
  return {
    dir,
    url: server.url,
    server,
    registryKey,
    vendorKey,
    registryKeyFile,
    env: {
      REGISTRY_URL: server.url,
      REGISTRY_PUBLIC_KEY: JSON.stringify(registryKey.publicJwk),
      LICENSE_PUBLIC_KEY: JSON.stringify(vendorKey.publicJwk),
      REGISTRY_TTL_SECONDS: '1',
    },
    async publish(module) {
      // A module source directory, packed and published the way `a64 module pack` / `registry publish` do.
      const work = path.join(root, `pkg-${packages++}`);
      const source = path.join(work, module.name);
      await mkdir(source, { recursive: true });
      await writeFile(path.join(source, 'manifest.json'), JSON.stringify(manifestOf(module), null, 2));
      await writeFile(path.join(source, 'index.js'), module.source);
      let file: string;
      if (module.extraFiles) {
        const built = await buildModule(source);
        file = path.join(work, `${module.name}-${module.version}.tar.gz`);
        await writeReproducibleTarGz([...built.files, ...module.extraFiles], file);
      } else {
        file = (await packModule(source, work)).file;
      }
      await publishPackage(file, dir, registryKey.privateJwk);
    },
    async publishDir(moduleDir) {
      const work = path.join(root, `pkg-${packages++}`);
      await publishPackage((await packModule(moduleDir, work)).file, dir, registryKey.privateJwk);
    },
    async publishRaw(manifest, bytes) {
      const parsed = parseManifest(manifest);
      const versionDir = path.join(dir, parsed.module_name, parsed.version);
      await mkdir(versionDir, { recursive: true });
      await writeFile(path.join(versionDir, `${parsed.module_name}-${parsed.version}.tar.gz`), bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const catalog = addToCatalog(
        await readRegistryCatalog(dir),
        parsed,
        { sha256, size: bytes.length },
        { now: new Date(), expiresInDays: 30 },
      );
      await writeSignedJson(dir, 'catalog.json', catalog, registryKey.privateJwk);
    },
    async close() {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A plain-JS module answering `<field>: String` with `answer`. */
export function simpleModule(name: string, version: string, field: string, answer: string, extra = ''): FixtureModule {
  return {
    name,
    version,
    source: `export default {
  typeDefs: 'extend type Query { ${field}: String! }',
  resolvers: { Query: { ${field}: () => ${JSON.stringify(answer)} } },
  ${extra}
};
`,
  };
}
