import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { platformError } from '../errors/index.js';
import { type ExtractLimits, extractPackage } from '../plugins/extract/index.js';
import { type Manifest, parseManifest } from '../plugins/manifest/index.js';

/** The default package limits (MAX_PACKAGE_BYTES, MAX_EXTRACTED_BYTES, MAX_PACKAGE_ENTRIES in src/config/env-schema.ts). */
export const DEFAULT_PACKAGE_LIMITS = { maxPackageBytes: 200 * 1024 * 1024, maxExtractedBytes: 1024 * 1024 * 1024, maxEntries: 20_000 };

const FILE_NAME = /^([a-z][a-z0-9_]*)-(.+)\.tar\.gz$/;

function invalid(message: string) {
  return platformError('PACKAGE_INVALID', message);
}

/** `<name>-<version>.tar.gz` → its parts, or PACKAGE_INVALID. */
export function parsePackageFileName(file: string): { name: string; version: string } {
  const match = FILE_NAME.exec(path.basename(file));
  if (!match || semver.valid(match[2]) !== match[2]) {
    throw invalid(`${path.basename(file)}: a package file must be named <module_name>-<version>.tar.gz (e.g. inventory-1.2.0.tar.gz).`);
  }
  return { name: match[1]!, version: match[2]! };
}

async function readInside(dir: string, name: string): Promise<string | null> {
  try {
    return await readFile(path.join(dir, name), 'utf8');
  } catch {
    return null;
  }
}

/**
 * Checks a package before it is published, with the platform's own extraction rules (only plain
 * files and directories, safe unique names, size and entry limits) in a temporary directory:
 * the manifest is valid and matches the file name, the entry exists, and a `.js` entry is ESM.
 */
export async function inspectPackage(tarball: string, limits: Partial<typeof DEFAULT_PACKAGE_LIMITS> = {}): Promise<Manifest> {
  const { maxPackageBytes, maxExtractedBytes, maxEntries } = { ...DEFAULT_PACKAGE_LIMITS, ...limits };
  const expected = parsePackageFileName(tarball);
  const { size } = await stat(tarball).catch(() => {
    throw platformError('BAD_USER_INPUT', `Cannot read the package ${tarball}.`);
  });
  if (size > maxPackageBytes) throw invalid(`${path.basename(tarball)} is ${size} bytes, more than the ${maxPackageBytes} allowed.`);
  const staging = await mkdtemp(path.join(tmpdir(), 'a64-inspect-'));
  try {
    const extractLimits: ExtractLimits = { maxExtractedBytes, maxEntries };
    const { dir } = await extractPackage(tarball, staging, extractLimits);
    const manifestText = await readInside(dir, 'manifest.json');
    if (manifestText === null) throw invalid(`${path.basename(tarball)} has no manifest.json at its root.`);
    const manifest = parseManifest(manifestText, `${path.basename(tarball)}: manifest.json`);
    if (manifest.module_name !== expected.name || manifest.version !== expected.version) {
      throw invalid(
        `${path.basename(tarball)} contains ${manifest.module_name}@${manifest.version}; the file name and the manifest must agree. Re-pack it with "a64 module pack".`,
      );
    }
    const entry = await stat(path.join(dir, manifest.entry)).catch(() => null);
    if (!entry?.isFile()) throw invalid(`${path.basename(tarball)} has no entry file "${manifest.entry}" (named by the manifest).`);
    if (manifest.entry.endsWith('.js')) {
      const packageJson = await readInside(dir, 'package.json');
      let type: unknown;
      try {
        type = packageJson === null ? undefined : JSON.parse(packageJson).type;
      } catch {
        type = undefined;
      }
      if (type !== 'module')
        throw invalid(`${path.basename(tarball)} needs a package.json with "type": "module" so its .js entry loads as ESM.`);
    }
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
