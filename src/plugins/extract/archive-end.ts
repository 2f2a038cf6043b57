import { open } from 'node:fs/promises';

const BLOCK = 512;

function isZero(buffer: Buffer, length = buffer.length): boolean {
  for (let i = 0; i < length; i++) if (buffer[i] !== 0) return false;
  return true;
}

/** Reads a tar size field: octal text, or GNU base-256 when the high bit is set. */
function headerSize(header: Buffer): number {
  const field = header.subarray(124, 136);
  if ((field[0]! & 0x80) !== 0) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return value;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  return text ? Number.parseInt(text, 8) : 0;
}

/**
 * Walks the block structure of an uncompressed tar file and reports whether anything but zero
 * padding follows the end-of-archive marker (two zero blocks). node-tar stops reading at the
 * marker and would silently ignore such smuggled data; we refuse it instead.
 */
export async function hasDataAfterArchiveEnd(tarFile: string): Promise<boolean> {
  const handle = await open(tarFile, 'r');
  try {
    const { size } = await handle.stat();
    const block = Buffer.alloc(BLOCK);
    let position = 0;
    let zeroBlocks = 0;
    while (position + BLOCK <= size && zeroBlocks < 2) {
      await handle.read(block, 0, BLOCK, position);
      position += BLOCK;
      if (isZero(block)) {
        zeroBlocks++;
        continue;
      }
      if (zeroBlocks > 0) return true; // a lone zero block followed by more headers is malformed
      const bodySize = headerSize(block);
      if (!Number.isFinite(bodySize) || bodySize < 0) return true;
      position += Math.ceil(bodySize / BLOCK) * BLOCK;
    }
    const chunk = Buffer.alloc(64 * 1024);
    while (position < size) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      if (!isZero(chunk, bytesRead)) return true;
      position += bytesRead;
    }
    return false;
  } finally {
    await handle.close();
  }
}
