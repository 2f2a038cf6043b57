import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverModules } from './discover-modules.js';

const manifest = (name: string, version = '1.0.0', extra: Record<string, unknown> = {}) =>
  JSON.stringify({ module_name: name, display_name: name, version, description: 'd', author: 'a', entry: 'index.js', ...extra });

async function writeModule(dir: string, manifestText: string | null, entry = true) {
  await mkdir(dir, { recursive: true });
  if (manifestText !== null) await writeFile(path.join(dir, 'manifest.json'), manifestText);
  if (entry) await writeFile(path.join(dir, 'index.js'), 'export default {};');
}

describe('discoverModules', () => {
  let root: string;
  let bundledDir: string;
  let installedDir: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'a64-discover-'));
    bundledDir = path.join(root, 'bundled');
    installedDir = path.join(root, 'data', 'modules');
    await writeModule(path.join(bundledDir, 'farm_manager'), manifest('farm_manager', '1.8.0'));
    await writeModule(path.join(bundledDir, 'renamed'), manifest('something_else'));
    await writeModule(path.join(bundledDir, 'no_manifest'), null);
    await writeModule(path.join(bundledDir, 'broken_json'), '{ "module_name": ');
    await writeModule(path.join(bundledDir, 'unknown_field'), manifest('unknown_field', '1.0.0', { licence_required: true }));
    await writeModule(path.join(bundledDir, 'no_entry'), manifest('no_entry'), false);
    await writeModule(path.join(bundledDir, '.staging'), manifest('staging'));
    await writeModule(path.join(installedDir, 'inventory', '2.1.0'), manifest('inventory', '2.1.0'));
    await writeModule(path.join(installedDir, 'inventory', '2.0.0'), manifest('inventory', '2.1.0'));
    for (let i = 0; i < 50; i++) await writeModule(path.join(root, 'many', `m${i}`), manifest(`m${i}`));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('finds bundled and installed modules and reports each bad one with a reason, never throwing', async () => {
    const found = await discoverModules({ bundledDir, installedDir });
    const summary = Object.fromEntries(found.map((m) => [`${m.name}@${m.version ?? '-'}:${m.source}`, m.loadError]));
    expect(Object.keys(summary)).toEqual([
      'broken_json@-:BUNDLED',
      'farm_manager@1.8.0:BUNDLED',
      'inventory@2.0.0:REGISTRY',
      'inventory@2.1.0:REGISTRY',
      'no_entry@1.0.0:BUNDLED',
      'no_manifest@-:BUNDLED',
      'renamed@-:BUNDLED',
      'unknown_field@-:BUNDLED',
    ]);
    expect(summary['farm_manager@1.8.0:BUNDLED']).toBeNull();
    expect(summary['inventory@2.1.0:REGISTRY']).toBeNull();
    expect(summary['inventory@2.0.0:REGISTRY']).toContain('version 2.1.0 does not match its directory "2.0.0"');
    expect(summary['renamed@-:BUNDLED']).toContain('module_name "something_else" does not match its directory "renamed"');
    expect(summary['no_manifest@-:BUNDLED']).toContain('manifest.json is missing');
    expect(summary['broken_json@-:BUNDLED']).toContain('is not valid JSON');
    expect(summary['unknown_field@-:BUNDLED']).toContain('unknown field(s) licence_required');
    expect(summary['no_entry@1.0.0:BUNDLED']).toContain('"index.js" named in manifest.json does not exist');
  });

  it('treats missing directories as empty', async () => {
    expect(await discoverModules({ bundledDir: path.join(root, 'nope'), installedDir: path.join(root, 'nada') })).toEqual([]);
  });

  it('discovers 50 modules (its cost is measured by npm run bench)', async () => {
    const found = await discoverModules({ bundledDir: path.join(root, 'many'), installedDir: path.join(root, 'none') });
    expect(found).toHaveLength(50);
    expect(found.every((module) => module.loadError === null)).toBe(true);
  });
});
