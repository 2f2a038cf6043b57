import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { platformError } from '../../errors/index.js';
import { extractPackage } from '../extract/index.js';
import { type Manifest, parseManifest } from '../manifest/index.js';
import type { OperationStep } from '../operations/types.js';
import type { CatalogVersion, RegistryClient } from '../registry/index.js';
import { assertManifestMatchesRelease } from './assert-manifest-matches-release.js';

export interface StagingLimits {
  maxPackageBytes: number;
  maxExtractedBytes: number;
  maxPackageEntries: number;
  downloadTimeoutMs: number;
}

export interface StageProgress {
  /** Journals and announces a step; awaited so events arrive in order and a journal failure stops the operation. */
  step(step: OperationStep, message: string): Promise<void>;
  bytes(bytes: number, total: number): void;
}

export interface StagedPackage {
  /** The unpacked package, ready to move into `$DATA_DIR/modules/<name>/<version>`. */
  dir: string;
  manifest: Manifest;
}

/**
 * DOWNLOAD → VERIFY → EXTRACT → manifest checks, all inside `stagingDir`: the package is streamed
 * there, checked against the signed catalog entry, unpacked safely, and its manifest compared to
 * the catalog. Nothing outside `stagingDir` is touched; the caller removes it in `finally`.
 */
export async function stagePackage(
  registry: RegistryClient,
  name: string,
  release: CatalogVersion,
  stagingDir: string,
  limits: StagingLimits,
  progress: StageProgress,
): Promise<StagedPackage> {
  const archive = path.join(stagingDir, `${name}-${release.version}.tar.gz`);
  await progress.step('DOWNLOAD', `Downloading ${name}@${release.version} (${release.size} bytes)`);
  await registry.downloadPackage({ name, version: release.version, sha256: release.sha256, size: release.size }, archive, {
    maxBytes: limits.maxPackageBytes,
    timeoutMs: limits.downloadTimeoutMs,
    onProgress: (bytes, total) => progress.bytes(bytes, total),
    // Announced when the comparison happens: downloadPackage only keeps a file whose size and sha256 equal the signed entry.
    onVerify: () => progress.step('VERIFY', `Comparing size and sha256 ${release.sha256.slice(0, 12)}… with the signed catalog`),
  });
  await progress.step('EXTRACT', 'Unpacking into staging');
  const extracted = await extractPackage(archive, stagingDir, {
    maxExtractedBytes: limits.maxExtractedBytes,
    maxEntries: limits.maxPackageEntries,
  });
  await progress.step('RESOLVE', 'Checking the manifest against the catalog');
  let manifestText: string;
  try {
    manifestText = await readFile(path.join(extracted.dir, 'manifest.json'), 'utf8');
  } catch {
    throw platformError('PACKAGE_INVALID', `The package of ${name}@${release.version} has no manifest.json at its root.`);
  }
  const manifest = parseManifest(manifestText, `${name}@${release.version} manifest.json`);
  assertManifestMatchesRelease(manifest, name, release);
  try {
    await access(path.join(extracted.dir, manifest.entry));
  } catch {
    throw platformError('PACKAGE_INVALID', `The package of ${name}@${release.version} lacks its entry file ${manifest.entry}.`);
  }
  return { dir: extracted.dir, manifest };
}
