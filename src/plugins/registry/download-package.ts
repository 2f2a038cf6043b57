import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import semver from 'semver';
import { isPlatformError, platformError } from '../../errors/index.js';
import { MODULE_NAME_PATTERN } from '../manifest/index.js';
import { type FetchLimits, openBounded, readBoundedBody } from './fetch-bounded.js';

/** The signed catalog facts a download is checked against. */
export interface PackageRef {
  name: string;
  version: string;
  sha256: string;
  size: number;
}

export interface DownloadOptions {
  /** Refuse packages larger than this (MAX_PACKAGE_BYTES, 200 MB by default). */
  maxBytes: number;
  timeoutMs: number;
  /** Called as bytes arrive; `total` is the signed size. */
  onProgress?: (bytes: number, total: number) => void;
  /** Awaited once every byte arrived, right before size and sha256 are compared with the signed entry. */
  onVerify?: () => Promise<void>;
}

/** `<name>/<version>/<name>-<version>.tar.gz`, the registry layout's package path. */
export function packagePath(name: string, version: string): string {
  return `${name}/${version}/${name}-${version}.tar.gz`;
}

function assertSafeRef(entry: PackageRef): void {
  // These become URL path segments: a hostile catalog must not steer us elsewhere.
  if (!MODULE_NAME_PATTERN.test(entry.name) || semver.valid(entry.version) !== entry.version) {
    throw platformError('PACKAGE_INVALID', `The catalog names an invalid package "${entry.name}@${entry.version}".`);
  }
}

/**
 * Streams `<base>/<name>/<version>/<name>-<version>.tar.gz` to `destFile`, hashing as it goes, and
 * keeps it only if size and sha256 equal the signed catalog entry. A mismatch is CHECKSUM_MISMATCH,
 * a 404 VERSION_NOT_FOUND, a network failure REGISTRY_UNAVAILABLE; the partial file is removed.
 */
export async function downloadPackage(
  base: string,
  entry: PackageRef,
  destFile: string,
  options: DownloadOptions,
): Promise<{ sha256: string; size: number }> {
  assertSafeRef(entry);
  const label = `${entry.name}@${entry.version}`;
  if (entry.size > options.maxBytes) {
    throw platformError(
      'PACKAGE_INVALID',
      `${label} is ${entry.size} bytes, more than the ${options.maxBytes} allowed (MAX_PACKAGE_BYTES).`,
    );
  }
  const url = `${base}/${packagePath(entry.name, entry.version)}`;
  // The byte limit is enforced below against the signed size (already ≤ maxBytes), so that a
  // body longer than signed is reported as what it is: a mismatch.
  const limits: FetchLimits = { timeoutMs: options.timeoutMs, maxBytes: Number.POSITIVE_INFINITY };
  const response = await openBounded(url, limits);
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    throw platformError(
      'VERSION_NOT_FOUND',
      `The registry lists ${label} but does not have its package (${url} answered 404). Try another version or ask the registry owner.`,
    );
  }
  const hash = createHash('sha256');
  let bytes = 0;
  async function* counted() {
    for await (const chunk of readBoundedBody(url, response, limits)) {
      bytes += chunk.byteLength;
      if (bytes > entry.size) throw mismatch(label, `it is larger than the signed ${entry.size} bytes`);
      hash.update(chunk);
      options.onProgress?.(bytes, entry.size);
      yield chunk;
    }
  }
  try {
    await pipeline(Readable.from(counted()), createWriteStream(destFile, { mode: 0o600 }));
  } catch (error) {
    await rm(destFile, { force: true });
    if (isPlatformError(error)) throw error;
    throw platformError('REGISTRY_UNAVAILABLE', `Downloading ${label} failed: ${(error as Error).message}. Try again.`, { cause: error });
  }
  try {
    await options.onVerify?.();
    const sha256 = hash.digest('hex');
    if (bytes !== entry.size) throw mismatch(label, `it has ${bytes} bytes, the catalog says ${entry.size}`);
    if (sha256 !== entry.sha256) throw mismatch(label, `its sha256 is ${sha256}, the catalog says ${entry.sha256}`);
    return { sha256, size: bytes };
  } catch (error) {
    await rm(destFile, { force: true });
    throw error;
  }
}

function mismatch(label: string, reason: string) {
  return platformError(
    'CHECKSUM_MISMATCH',
    `The downloaded package ${label} does not match the signed catalog: ${reason}. It was discarded; try again or report it to the registry owner.`,
  );
}
