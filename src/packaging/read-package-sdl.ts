import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentNode } from 'graphql';
import { extractPackage } from '../plugins/extract/index.js';
import { importModuleEntry, parseModuleSdl, validateModuleDefinition } from '../plugins/loader/index.js';
import { parseManifest } from '../plugins/manifest/index.js';
import { DEFAULT_PACKAGE_LIMITS } from './inspect-package.js';

/**
 * The parsed typeDefs a package ships: extracted into a temporary directory (platform rules)
 * and its entry imported — the author's own code, at publish time.
 */
export async function readPackageSdl(tarball: string): Promise<DocumentNode> {
  const staging = await mkdtemp(path.join(tmpdir(), 'a64-sdl-'));
  try {
    const { dir } = await extractPackage(tarball, staging, {
      maxExtractedBytes: DEFAULT_PACKAGE_LIMITS.maxExtractedBytes,
      maxEntries: DEFAULT_PACKAGE_LIMITS.maxEntries,
    });
    const manifest = parseManifest(await readFile(path.join(dir, 'manifest.json'), 'utf8'), `${path.basename(tarball)}: manifest.json`);
    const exported = await importModuleEntry(manifest.module_name, path.join(dir, manifest.entry), manifest.version);
    const definition = validateModuleDefinition(manifest.module_name, exported);
    return parseModuleSdl(manifest.module_name, definition.typeDefs);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
