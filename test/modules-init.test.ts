import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestPlatform } from 'a64-platform/testkit';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleInitCommand } from '../src/cli/commands/module-init.js';
import { runCli } from '../src/cli/run-cli.js';
import { parseManifest } from '../src/plugins/manifest/index.js';

async function init(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([moduleInitCommand], ['module', 'init', ...args], {
    cwd,
    env: {},
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe('a64 module init', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'a64-init-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('scaffolds a module whose manifest is valid and whose source builds and defines a type, query and mutation', async () => {
    const result = await init(['my_shop', '--out', 'mods/new'], work);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('npm test');
    expect(result.stdout).toContain('npm install');
    const dir = path.join(work, 'mods/new/my_shop');
    const manifest = parseManifest(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ module_name: 'my_shop', entry: 'index.js', database_collections: ['my_shop_notes'] });
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ type: 'module', scripts: { test: 'vitest run', pack: 'a64 module pack . --out dist' } });
    expect((await stat(dir)).mode & 0o777).toBe(0o755);
    // The file: link must point back at this platform checkout.
    expect(path.resolve(dir, pkg.devDependencies['a64-platform'].slice('file:'.length))).toBe(path.resolve('.'));
    expect(await readFile(path.join(dir, 'test/my_shop.test.ts'), 'utf8')).toContain("from 'a64-platform/testkit'");

    const outfile = path.join(work, 'bundle/index.js');
    await build({
      entryPoints: [path.join(dir, 'src/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      alias: { 'a64-platform/sdk': path.resolve('src/sdk/index.ts') },
      logLevel: 'silent',
    });
    const definition = (await import(outfile)).default;
    expect(definition.typeDefs).toContain('type MyShopNote');
    expect(Object.keys(definition.resolvers.Query)).toEqual(['myShopNotes']);
    expect(Object.keys(definition.resolvers.Mutation)).toEqual(['addMyShopNote']);
  });

  it('writes files that pass the repository formatter and linter as they are, for short and 50-character names', async () => {
    const longest = `a${'b_c'.repeat(16)}z`;
    for (const name of ['demo', longest]) {
      expect((await init([name, '--out', 'lint'], work)).code).toBe(0);
    }
    const biome = path.resolve('node_modules/.bin/biome');
    // Throws (with biome's report) when any generated file would be changed or is flagged.
    await promisify(execFile)(biome, ['check', `--config-path=${path.resolve('.')}`, path.join(work, 'lint')]);
  });

  it('inside the platform checkout, says how to test and pack without an npm install of the module', async () => {
    const inside = await mkdtemp(path.resolve('.init-test-'));
    try {
      const result = await init(['inside_repo'], inside);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(/^ +npm install$/m);
      expect(result.stdout).toContain(`npx vitest run ${path.basename(inside)}/inside_repo`);
      expect(result.stdout).toContain('needs no npm install of its own');
    } finally {
      await rm(inside, { recursive: true, force: true });
    }
  });

  it('scaffolds a module that loads on a real platform, guarded by its permissions', async () => {
    expect((await init(['field_notes'], work)).code).toBe(0);
    const platform = await createTestPlatform({ modules: [path.join(work, 'field_notes')] });
    try {
      const admin = await platform.loginAsAdmin();
      const added = await platform.graphql('mutation { addFieldNotesNote(text: "soil is dry") { text createdBy } }', {}, { token: admin });
      expect(added.data).toEqual({ addFieldNotesNote: { text: 'soil is dry', createdBy: expect.any(String) } });
      await platform.createUser({
        email: 'reader@example.test',
        password: 'reader-password-1',
        role: 'USER',
        permissions: ['field_notes.view'],
      });
      const login = await platform.graphql<{ login: { token: string } }>(
        'mutation { login(email: "reader@example.test", password: "reader-password-1") { token } }',
      );
      const reader = login.data!.login.token;
      expect((await platform.graphql('{ fieldNotesNotes { text } }', {}, { token: reader })).data).toEqual({
        fieldNotesNotes: [{ text: 'soil is dry' }],
      });
      const denied = await platform.graphql('mutation { addFieldNotesNote(text: "x") { text } }', {}, { token: reader });
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await platform.close();
    }
  });

  it('refuses invalid and reserved names with a clear usage error', async () => {
    for (const name of ['My-Shop', '1shop', 'shop!', 'core', 'module_shop']) {
      const result = await init([name], work);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/not a valid module name|reserved|keeps for itself/);
    }
  });

  it('refuses an existing directory and writes nothing', async () => {
    await mkdir(path.join(work, 'taken'));
    const result = await init(['taken'], work);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('already exists');
    await expect(readFile(path.join(work, 'taken/manifest.json'))).rejects.toThrow();
  });
});
