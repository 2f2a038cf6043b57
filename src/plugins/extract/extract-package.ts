import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar';
import { platformError } from '../../errors/index.js';
import { hasDataAfterArchiveEnd } from './archive-end.js';
import { entryPathKey, entryPathProblem } from './check-entry-path.js';

export interface ExtractLimits {
  /** Sum of all entry sizes, unpacked. */
  maxExtractedBytes: number;
  maxEntries: number;
}

export interface ExtractedPackage {
  /** The directory holding the package's files (inside the staging dir). */
  dir: string;
  entries: number;
  bytes: number;
}

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

function invalid(message: string, cause?: unknown) {
  return platformError('PACKAGE_INVALID', `The module package is not safe to unpack: ${message}`, { cause });
}

/** Gunzips to a file, refusing to write more than `maxBytes` (a gzip bomb stops here). */
async function gunzipBounded(source: string, target: string, maxBytes: number, shownLimit: number): Promise<void> {
  let written = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      written += chunk.length;
      if (written > maxBytes) callback(invalid(`it unpacks to more than ${shownLimit} bytes`));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(source), createGunzip(), guard, createWriteStream(target, { mode: 0o600 }));
  } catch (error) {
    if ((error as { code?: string }).code === 'PACKAGE_INVALID') throw error;
    throw invalid(`it is not a valid gzip file (${(error as Error).message})`, error);
  }
}

/** Lists every entry and refuses the package unless each is a plain file or directory with a safe, unique name. */
async function assertSafeEntries(tarFile: string, limits: ExtractLimits): Promise<{ entries: number; bytes: number }> {
  const seen = new Set<string>();
  let entries = 0;
  let bytes = 0;
  let problem: Error | null = null;
  const refuse = (message: string) => {
    problem ??= invalid(message);
  };
  try {
    await tar.t({
      file: tarFile,
      strict: true,
      onReadEntry(entry) {
        entries++;
        bytes += entry.size ?? 0;
        const name = entry.path;
        if (entries > limits.maxEntries) return refuse(`it has more than ${limits.maxEntries} entries`);
        if (bytes > limits.maxExtractedBytes) return refuse(`its files add up to more than ${limits.maxExtractedBytes} bytes`);
        if (!FILE_TYPES.has(entry.type) && entry.type !== 'Directory') {
          return refuse(`entry "${name}" is a ${entry.type}; only regular files and directories are allowed`);
        }
        const pathProblem = entryPathProblem(name);
        if (pathProblem) return refuse(`entry "${name}" ${pathProblem}`);
        const key = entryPathKey(name);
        if (seen.has(key)) return refuse(`entry "${name}" appears more than once (names are compared case-insensitively)`);
        seen.add(key);
      },
    });
  } catch (error) {
    throw invalid(`it is not a valid tar archive (${(error as Error).message})`, error);
  }
  if (problem) throw problem;
  if (entries === 0) throw invalid('it is empty');
  return { entries, bytes };
}

/**
 * Unpacks a module package (`.tar.gz`) into `<stagingDir>/files`, refusing — before anything is
 * extracted — absolute paths, `..`, links, devices, duplicate names, data after the end of the
 * archive, and size or entry-count bombs. Nothing is ever written outside `stagingDir`.
 * Throws PACKAGE_INVALID naming the first offending entry.
 */
export async function extractPackage(tarGzFile: string, stagingDir: string, limits: ExtractLimits): Promise<ExtractedPackage> {
  const dir = path.join(stagingDir, 'files');
  const tarFile = path.join(stagingDir, 'package.tar');
  await mkdir(dir, { recursive: true });
  // Headers and padding add at most ~1.5 KiB per entry on top of the file bytes.
  await gunzipBounded(tarGzFile, tarFile, limits.maxExtractedBytes + (limits.maxEntries + 2) * 1536, limits.maxExtractedBytes);
  if (await hasDataAfterArchiveEnd(tarFile)) throw invalid('it has data after the end of the archive');
  const counted = await assertSafeEntries(tarFile, limits);
  try {
    await tar.x({
      file: tarFile,
      cwd: dir,
      strict: true,
      preserveOwner: false,
      // Checked above; kept as a second line of defence.
      filter: (_name, entry) => 'type' in entry && (FILE_TYPES.has(entry.type) || entry.type === 'Directory'),
    });
  } catch (error) {
    throw invalid(`unpacking failed (${(error as Error).message})`, error);
  }
  return { dir, ...counted };
}
