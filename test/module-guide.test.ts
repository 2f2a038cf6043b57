import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('docs/admin/module-guide.md, generated from the manifests', () => {
  it('is up to date with modules/*/manifest.json (run `node scripts/module-guide.mjs` after changing one)', async () => {
    await expect(run(process.execPath, ['scripts/module-guide.mjs', '--check'])).resolves.toBeDefined();
  });

  it('fails the check as soon as a manifest says something the guide does not', async () => {
    // A copy of the generator and its inputs, with one permission added to a manifest.
    const work = await mkdtemp(path.join(tmpdir(), 'a64-module-guide-'));
    try {
      for (const dir of ['scripts', 'modules', 'docs']) await cp(dir, path.join(work, dir), { recursive: true });
      const manifestFile = path.join(work, 'modules/animal_manager/manifest.json');
      const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
      await writeFile(manifestFile, JSON.stringify({ ...manifest, permissions: [...manifest.permissions, 'animal.export'] }));
      const stale = await run(process.execPath, [path.join(work, 'scripts/module-guide.mjs'), '--check']).catch((error) => error);
      expect(stale.code).toBe(1);
      expect(stale.stderr).toContain('docs/admin/module-guide.md is out of date');
      await run(process.execPath, [path.join(work, 'scripts/module-guide.mjs')]);
      expect(await readFile(path.join(work, 'docs/admin/module-guide.md'), 'utf8')).toContain('`animal.export`');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
