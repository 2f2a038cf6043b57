import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { platformError } from '../errors/index.js';

/** One archive member. Directories are implied by file paths and added automatically. */
export interface ArchiveFile {
  /** Relative `/`-separated path, e.g. `manifest.json` or `dist/index.js`. */
  path: string;
  data: Uint8Array;
  /** True for files that should be 0755 (none of a module's files need it today). */
  executable?: boolean;
}

/** Fixed member time (2000-01-01T00:00:00Z): the archive must not depend on when it was built. */
export const FIXED_MTIME = 946_684_800;
const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function splitName(path: string): { name: string; prefix: string } {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let index = path.indexOf('/'); index !== -1; index = path.indexOf('/', index + 1)) {
    const prefix = path.slice(0, index);
    const name = path.slice(index + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix };
  }
  throw platformError('PACKAGE_INVALID', `The path "${path}" is too long for a package (at most 100 bytes per name, 255 in all).`);
}

/** A POSIX ustar header with every variable field fixed: no owner, fixed time, fixed mode. */
function header(path: string, size: number, type: 'file' | 'directory', mode: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const { name, prefix } = splitName(path);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(mode, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(FIXED_MTIME, 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write(type === 'file' ? '0' : '5', 156, 'ascii');
  block.write('ustar\u000000', 257, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

/** Every directory the files live in, each once, as `a/`, `a/b/`. */
function impliedDirectories(files: ArchiveFile[]): string[] {
  const directories = new Set<string>();
  for (const file of files) {
    const segments = file.path.split('/');
    for (let i = 1; i < segments.length; i++) directories.add(`${segments.slice(0, i).join('/')}/`);
  }
  return [...directories];
}

function* tarBlocks(files: ArchiveFile[]): Generator<Buffer> {
  const members = [
    ...impliedDirectories(files).map((path) => ({ path, file: null })),
    ...files.map((file) => ({ path: file.path, file })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path, file } of members) {
    if (!file) {
      yield header(path, 0, 'directory', 0o755);
      continue;
    }
    yield header(path, file.data.byteLength, 'file', file.executable ? 0o755 : 0o644);
    yield Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
    const padding = (BLOCK - (file.data.byteLength % BLOCK)) % BLOCK;
    if (padding) yield Buffer.alloc(padding);
  }
  yield Buffer.alloc(BLOCK * 2);
}

/**
 * Gzip's header has an OS byte that differs between the zlib builds of Linux, macOS and Windows;
 * fix it to 255 ("unknown") so the same input gives the same bytes everywhere. (Node already
 * writes mtime 0 and no file name.)
 */
function normaliseGzipHeader(): Transform {
  let position = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const start = position;
      position += chunk.length;
      if (start > 9 || position <= 9) return callback(null, chunk);
      const copy = Buffer.from(chunk);
      copy[9 - start] = 0xff;
      callback(null, copy);
    },
  });
}

/**
 * Writes a reproducible `.tar.gz`: members sorted by path, directories implied, modes 0644/0755,
 * uid/gid 0 without names, a fixed mtime, and a gzip header without time or OS. Same files →
 * same bytes → same sha256. Written to a temporary name and renamed, so `outFile` is never partial.
 */
export async function writeReproducibleTarGz(files: ArchiveFile[], outFile: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  const temporary = `${outFile}.${process.pid}.tmp`;
  try {
    await pipeline(
      Readable.from(tarBlocks(files)),
      createGzip({ level: 9 }),
      normaliseGzipHeader(),
      measure,
      createWriteStream(temporary, { mode: 0o644 }),
    );
    await rename(temporary, outFile);
  } finally {
    await rm(temporary, { force: true });
  }
  return { sha256: hash.digest('hex'), size };
}
