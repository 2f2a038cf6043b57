import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { platformError } from '../errors/index.js';
import { type Manifest, parseManifest } from '../plugins/manifest/index.js';
import { resolveSourceEntry } from './resolve-source-entry.js';
import { sdkLocation } from './sdk-location.js';
import type { ArchiveFile } from './write-reproducible-tar.js';

export interface BuiltModule {
  manifest: Manifest;
  /** `manifest.json` (the author's bytes), `package.json` (`"type": "module"`), and the bundled entry. */
  files: ArchiveFile[];
}

// Bundled CommonJS dependencies may call require(); give the ESM bundle a real one.
const REQUIRE_SHIM =
  "import { createRequire as __a64CreateRequire } from 'node:module';\nconst require = __a64CreateRequire(import.meta.url);";

function sdkAlias(target: string): Plugin {
  return {
    name: 'a64-sdk',
    setup(builder) {
      builder.onResolve({ filter: /^a64-platform\/sdk$/ }, () => ({ path: target }));
    },
  };
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function packageJson(dir: string, manifest: Manifest): Promise<string> {
  const text = await readText(path.join(dir, 'package.json'));
  let json: Record<string, unknown> = { name: manifest.module_name, version: manifest.version, private: true };
  if (text !== null) {
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw platformError('PACKAGE_INVALID', `${path.join(dir, 'package.json')} is not valid JSON: ${(error as Error).message}`);
    }
  }
  // The entry is ESM; without "type": "module" Node would load a .js entry as CommonJS.
  return `${JSON.stringify({ ...json, type: 'module' }, null, 2)}\n`;
}

/**
 * Validates a module directory and bundles its entry with esbuild (ESM, node20, every dependency
 * inlined, `a64-platform/sdk` resolved to the platform's SDK). `graphql` is bundled too, so the
 * package loads from any directory; see docs/registry.md "What a package contains".
 */
export async function buildModule(dir: string): Promise<BuiltModule> {
  const manifestFile = path.join(dir, 'manifest.json');
  const manifestText = await readText(manifestFile);
  if (manifestText === null)
    throw platformError('PACKAGE_INVALID', `${dir} has no manifest.json; a module directory needs one at its root.`);
  const manifest = parseManifest(manifestText, manifestFile);
  const entryPath = manifest.entry.replace(/^\.\//, '');
  if (entryPath === 'manifest.json' || entryPath === 'package.json') {
    throw platformError(
      'PACKAGE_INVALID',
      `${manifestFile}: entry "${manifest.entry}" would overwrite the package's own ${entryPath}; name the built file e.g. index.js.`,
    );
  }
  const source = resolveSourceEntry(dir, manifest.entry);
  let code: Uint8Array;
  try {
    const result = await build({
      entryPoints: [path.resolve(source)],
      absWorkingDir: path.resolve(dir),
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      banner: { js: REQUIRE_SHIM },
      plugins: [sdkAlias(sdkLocation())],
      logLevel: 'silent',
      sourcemap: false,
    });
    code = result.outputFiles[0]!.contents;
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors ?? [];
    const first = errors[0];
    const where = first?.location ? ` (${first.location.file}:${first.location.line})` : '';
    const reason = first ? `${first.text}${where}` : (error as Error).message;
    throw platformError(
      'PACKAGE_INVALID',
      `Building ${manifest.module_name} from ${path.relative(process.cwd(), source)} failed: ${reason}`,
      { cause: error },
    );
  }
  const files: ArchiveFile[] = [
    { path: 'manifest.json', data: Buffer.from(manifestText) },
    { path: 'package.json', data: Buffer.from(await packageJson(dir, manifest)) },
    { path: entryPath, data: code },
  ];
  return { manifest, files };
}
