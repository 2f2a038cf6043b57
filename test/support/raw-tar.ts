import { gzipSync } from 'node:zlib';
import { Header, type HeaderData } from 'tar';

export interface RawEntry {
  path: string;
  type?: HeaderData['type'];
  body?: string | Buffer;
  linkpath?: string;
  /** Claim a size different from the body (for lying headers). */
  size?: number;
}

/**
 * Builds a tar archive block by block, so tests can make archives no well-behaved packer would:
 * traversal paths, links, devices, duplicates, bombs, trailing data.
 */
export function rawTar(entries: RawEntry[], options: { trailing?: Buffer } = {}): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = typeof entry.body === 'string' ? Buffer.from(entry.body) : (entry.body ?? Buffer.alloc(0));
    const header = new Header({
      path: entry.path,
      type: entry.type ?? 'File',
      size: entry.size ?? body.length,
      mode: entry.type === 'Directory' ? 0o755 : 0o644,
      mtime: new Date(0),
      uid: 0,
      gid: 0,
      linkpath: entry.linkpath,
    });
    const block = Buffer.alloc(512);
    header.encode(block, 0);
    blocks.push(block, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  if (options.trailing) blocks.push(options.trailing);
  return Buffer.concat(blocks);
}

export function rawTarGz(entries: RawEntry[], options?: { trailing?: Buffer }): Buffer {
  return gzipSync(rawTar(entries, options));
}
