import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPlatformCollection } from '../../plugins/handle/index.js';
import { MODULE_NAME_PATTERN } from '../../plugins/manifest/index.js';
import { type CliCommand, CliUsageError } from '../command.js';
import { renderModuleTemplate } from '../templates/module/index.js';

const MAX_NAME_LENGTH = 50;
// "core" names the platform in `dependencies`; a module called that could never be depended on.
const RESERVED_NAMES = new Set(['core']);

/** Throws CliUsageError saying what a valid module name looks like. */
function assertModuleName(name: string): void {
  if (!MODULE_NAME_PATTERN.test(name)) {
    throw new CliUsageError(
      `"${name}" is not a valid module name: use lower-case letters, digits and _, starting with a letter (e.g. "my_shop").`,
    );
  }
  if (name.length > MAX_NAME_LENGTH)
    throw new CliUsageError(`"${name}" is too long: module names have at most ${MAX_NAME_LENGTH} characters.`);
  if (RESERVED_NAMES.has(name)) throw new CliUsageError(`"${name}" is reserved for the platform itself; choose another module name.`);
  // The scaffold's collection is `<name>_notes`; the platform refuses collections with its prefixes.
  if (isPlatformCollection(`${name}_notes`)) {
    throw new CliUsageError(
      `"${name}" starts with a prefix the platform keeps for itself (platform_, module_, registry_, system); choose another name.`,
    );
  }
}

/** The platform's package root (where its package.json says "a64-platform"), from src/ or dist/. */
function findPlatformRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'a64-platform') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the a64-platform package this command runs from');
    dir = parent;
  }
}

/**
 * What to run next. Inside the platform checkout the repository's own vitest config and
 * node_modules serve the module (no `npm install` of its own); elsewhere it is a package of its own.
 */
function nextSteps(moduleDir: string, cwd: string): string {
  const root = findPlatformRoot();
  const shown = path.relative(cwd, moduleDir) || '.';
  const fromRoot = path.relative(root, moduleDir);
  if (!fromRoot.startsWith('..') && !path.isAbsolute(fromRoot)) {
    const where = path.relative(cwd, root) ? ` (from the platform checkout ${path.relative(cwd, root)})` : '';
    const dir = fromRoot.split(path.sep).join('/');
    return `Next${where}:\n  npx vitest run ${dir}\n  npx a64 module pack ${dir} --out build/packages\n\nInside the platform repository the module needs no npm install of its own.\n`;
  }
  return `Next:\n  cd ${shown}\n  npm install\n  npm test\n  npm run pack\n`;
}

/** `file:` spec from the new module to the platform, with `/` separators so package.json is portable. */
function platformSpec(moduleDir: string): string {
  const relative = path.relative(moduleDir, findPlatformRoot()).split(path.sep).join('/');
  return `file:${relative || '.'}`;
}

/** `a64 module init <name> [--out <dir>]`: scaffolds a working module with a manifest, one type, a test. */
export const moduleInitCommand: CliCommand = {
  name: 'module init',
  summary: 'Scaffold a new module (manifest, source, test, package.json)',
  usage: 'a64 module init <name> [--out <dir>]   (creates <dir>/<name>/; dir defaults to .)',
  options: { out: { type: 'string' } },
  positionals: { min: 1, max: 1, names: ['name'] },
  async run({ values, positionals }, io) {
    const name = positionals[0]!;
    assertModuleName(name);
    const outDir = path.resolve(io.cwd, typeof values.out === 'string' ? values.out : '.');
    const moduleDir = path.join(outDir, name);
    if (existsSync(moduleDir)) {
      io.stderr(`a64 module init: ${moduleDir} already exists; choose another name or --out directory (nothing was written).\n`);
      return 1;
    }
    await mkdir(outDir, { recursive: true });
    // Written into a sibling temp dir and renamed, so a failure never leaves half a module behind.
    const staging = await mkdtemp(path.join(outDir, `.${name}-`));
    try {
      for (const file of renderModuleTemplate(name, platformSpec(moduleDir))) {
        const target = path.join(staging, ...file.path.split('/'));
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, file.content);
      }
      // mkdtemp makes the dir private (0700); a module directory is ordinary source.
      await chmod(staging, 0o755);
      await rename(staging, moduleDir);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    const shown = path.relative(io.cwd, moduleDir) || '.';
    io.stdout(`Created module ${name} in ${shown}\n\n${nextSteps(moduleDir, io.cwd)}\nGuide: docs/modules/creating-a-module.md\n`);
    return 0;
  },
};
