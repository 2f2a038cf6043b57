import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { platformError } from '../errors/index.js';
import type { PrivateJwk } from '../plugins/registry/index.js';
import { addToCatalog } from './add-to-catalog.js';
import { type DEFAULT_PACKAGE_LIMITS, inspectPackage } from './inspect-package.js';
import { readRegistryCatalog } from './read-registry-catalog.js';
import { sha256File } from './sha256-file.js';
import { writeFileAtomic } from './write-file-atomic.js';
import { writeSignedJson } from './write-signed-json.js';

export interface PublishOptions {
  /** Days until the catalog expires (default 30). */
  expiresInDays?: number;
  now?: Date;
  /** The catalog version is at least this (the demo build keeps its own high-water mark). */
  minCatalogVersion?: number;
  /**
   * Replace an already published name@version. Development registries only: real releases are
   * immutable, and clients that installed the old bytes would no longer match the catalog.
   */
  replaceExisting?: boolean;
  limits?: Partial<typeof DEFAULT_PACKAGE_LIMITS>;
}

export interface PublishResult {
  name: string;
  version: string;
  sha256: string;
  size: number;
  /** Where the package now lives, relative to the registry directory. */
  path: string;
  /** The module's `latest` after this publish (highest semver, not necessarily this one). */
  latest: string;
  catalogVersion: number;
}

/**
 * `a64 registry publish`: checks the package, stores it as `<name>/<version>/<name>-<version>.tar.gz`
 * with `checksums.txt`, updates `<name>/latest.json`, and rewrites and signs `catalog.json`
 * (version + 1, expires now + 30 days). Writes an empty signed `revocations.json` when there is
 * none. An existing name@version is refused: releases are immutable.
 */
export async function publishPackage(
  tarball: string,
  registryDir: string,
  privateJwk: PrivateJwk,
  options: PublishOptions = {},
): Promise<PublishResult> {
  const manifest = await inspectPackage(tarball, options.limits);
  const { module_name: name, version } = manifest;
  const now = options.now ?? new Date();
  const expiresInDays = options.expiresInDays ?? 30;
  await mkdir(registryDir, { recursive: true });
  const previous = await readRegistryCatalog(registryDir);
  const versionDir = path.join(registryDir, name, version);
  const listed = previous?.modules.some((module) => module.name === name && module.versions.some((entry) => entry.version === version));
  const onDisk = await stat(versionDir).then(
    () => true,
    () => false,
  );
  if ((listed || onDisk) && !options.replaceExisting) {
    throw platformError(
      'BAD_USER_INPUT',
      `${name}@${version} is already published; releases are immutable. Bump "version" in manifest.json and pack again.`,
    );
  }
  if (onDisk) await rm(versionDir, { recursive: true, force: true });

  const fileName = `${name}-${version}.tar.gz`;
  const sha256 = await sha256File(tarball);
  const { size } = await stat(tarball);
  await mkdir(versionDir, { recursive: true });
  const target = path.join(versionDir, fileName);
  await copyFile(tarball, `${target}.tmp`);
  await writeFileAtomic(path.join(versionDir, 'checksums.txt'), `${sha256}  ${fileName}\n`);
  await rename(`${target}.tmp`, target);

  const catalog = addToCatalog(previous, manifest, { sha256, size }, { now, expiresInDays, minVersion: options.minCatalogVersion });
  const latest = catalog.modules.find((module) => module.name === name)!.latest;
  await writeFileAtomic(path.join(registryDir, name, 'latest.json'), `${JSON.stringify({ version: latest })}\n`);
  await writeSignedJson(registryDir, 'catalog.json', catalog, privateJwk);
  await ensureRevocations(registryDir, privateJwk, now, expiresInDays);
  return { name, version, sha256, size, path: `${name}/${version}/${fileName}`, latest, catalogVersion: catalog.version };
}

async function ensureRevocations(registryDir: string, privateJwk: PrivateJwk, now: Date, expiresInDays: number): Promise<void> {
  const exists = await stat(path.join(registryDir, 'revocations.json')).then(
    () => true,
    () => false,
  );
  if (exists) return;
  const expires = new Date(now.getTime() + expiresInDays * 86_400_000).toISOString();
  await writeSignedJson(registryDir, 'revocations.json', { version: 1, expires, revoked: [] }, privateJwk);
}
