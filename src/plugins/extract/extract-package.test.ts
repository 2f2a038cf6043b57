import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawTar, rawTarGz } from '../../../test/support/raw-tar.js';
import { isPlatformError } from '../../errors/index.js';
import { extractPackage } from './extract-package.js';

const LIMITS = { maxExtractedBytes: 1024 * 1024, maxEntries: 50 };

describe('extractPackage', () => {
  let root: string;
  let staging: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'a64-extract-'));
    staging = path.join(root, 'staging');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function extract(archive: Buffer, limits = LIMITS) {
    const file = path.join(root, 'pkg.tar.gz');
    await writeFile(file, archive);
    return extractPackage(file, staging, limits);
  }

  /** Everything under root except the archive itself and the staging dir. */
  async function outsideStaging(): Promise<string[]> {
    return (await readdir(root, { recursive: true })).filter((name) => name !== 'pkg.tar.gz' && !name.startsWith('staging'));
  }

  it('unpacks plain files and directories', async () => {
    const result = await extract(
      rawTarGz([
        { path: 'manifest.json', body: '{"module_name":"x"}' },
        { path: 'lib/', type: 'Directory' },
        { path: 'lib/index.js', body: 'export default {}' },
      ]),
    );
    expect(result.entries).toBe(3);
    expect(await readFile(path.join(result.dir, 'lib/index.js'), 'utf8')).toBe('export default {}');
  });

  it.each([
    ['path traversal', [{ path: '../evil.js', body: 'x' }], '".." segment'],
    ['nested traversal', [{ path: 'lib/../../evil.js', body: 'x' }], '".." segment'],
    ['absolute path', [{ path: '/tmp/a64-evil.js', body: 'x' }], 'absolute path'],
    ['drive letter', [{ path: 'C:/evil.js', body: 'x' }], 'drive letter'],
    ['backslash', [{ path: 'lib\\evil.js', body: 'x' }], 'backslash'],
    ['symlink', [{ path: 'link', type: 'SymbolicLink' as const, linkpath: '/etc/passwd' }], 'SymbolicLink'],
    ['hardlink', [{ path: 'hard', type: 'Link' as const, linkpath: '/etc/passwd' }], 'Link'],
    ['character device', [{ path: 'dev', type: 'CharacterDevice' as const }], 'CharacterDevice'],
    ['fifo', [{ path: 'fifo', type: 'FIFO' as const }], 'FIFO'],
    [
      'duplicate by case',
      [
        { path: 'index.js', body: 'a' },
        { path: 'INDEX.js', body: 'b' },
      ],
      'more than once',
    ],
    [
      'duplicate by unicode normalisation',
      [
        { path: 'caf\u00e9.js', body: 'a' },
        { path: 'cafe\u0301.js', body: 'b' },
      ],
      'more than once',
    ],
  ])('refuses a %s with PACKAGE_INVALID and writes nothing outside staging', async (_name, entries, reason) => {
    const error = await extract(rawTarGz(entries)).catch((caught) => caught);
    expect(isPlatformError(error, 'PACKAGE_INVALID')).toBe(true);
    expect(error.message).toContain(reason);
    expect(await outsideStaging()).toEqual([]);
    expect(await readdir(path.join(staging, 'files'))).toEqual([]);
  });

  it('refuses too many entries', async () => {
    const entries = Array.from({ length: 60 }, (_, i) => ({ path: `f${i}.js`, body: 'x' }));
    await expect(extract(rawTarGz(entries))).rejects.toThrow(/more than 50 entries/);
  });

  it('refuses a gzip bomb before it fills the disk', async () => {
    const bomb = rawTarGz([{ path: 'zeros.bin', body: Buffer.alloc(8 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(extract(bomb)).rejects.toThrow(/more than/);
  });

  it('refuses entries whose sizes add up past the limit', async () => {
    const entries = [
      { path: 'a.bin', body: Buffer.alloc(600 * 1024, 1) },
      { path: 'b.bin', body: Buffer.alloc(600 * 1024, 2) },
    ];
    await expect(extract(rawTarGz(entries), { maxExtractedBytes: 1024 * 1024, maxEntries: 50 })).rejects.toThrow(/more than 1048576 bytes/);
  });

  it('refuses data smuggled after the end of the archive', async () => {
    const archive = rawTarGz([{ path: 'index.js', body: 'ok' }], { trailing: rawTar([{ path: 'hidden.js', body: 'evil' }]) });
    await expect(extract(archive)).rejects.toThrow(/after the end of the archive/);
  });

  it('accepts zero padding after the end of the archive', async () => {
    const archive = rawTarGz([{ path: 'index.js', body: 'ok' }], { trailing: Buffer.alloc(8192) });
    await expect(extract(archive)).resolves.toMatchObject({ entries: 1 });
  });

  it('refuses bytes that are not gzip or not tar', async () => {
    await expect(extract(Buffer.from('definitely not gzip'))).rejects.toThrow(/gzip/);
    const notTar = await extract(gzipSync(Buffer.from('not a tar archive at all'.repeat(40)))).catch((caught) => caught);
    expect(isPlatformError(notTar, 'PACKAGE_INVALID')).toBe(true);
  });
});
