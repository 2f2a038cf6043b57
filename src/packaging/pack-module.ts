import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from '../plugins/manifest/index.js';
import { buildModule } from './build-module.js';
import { writeReproducibleTarGz } from './write-reproducible-tar.js';

export interface PackResult {
  /** Absolute path of `<outDir>/<name>-<version>.tar.gz`. */
  file: string;
  sha256: string;
  size: number;
  manifest: Manifest;
}

/**
 * `a64 module pack`: validates `<dir>/manifest.json`, bundles the entry and writes a reproducible
 * `<name>-<version>.tar.gz` into `outDir` (created when missing). Packing the same sources twice
 * gives the same sha256.
 *
 * @example const { file, sha256 } = await packModule('modules/inventory', 'dist-packages');
 */
export async function packModule(dir: string, outDir: string): Promise<PackResult> {
  const { manifest, files } = await buildModule(dir);
  await mkdir(outDir, { recursive: true });
  const file = path.resolve(outDir, `${manifest.module_name}-${manifest.version}.tar.gz`);
  const { sha256, size } = await writeReproducibleTarGz(files, file);
  return { file, sha256, size, manifest };
}
