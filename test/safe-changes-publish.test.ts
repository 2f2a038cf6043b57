import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/command.js';
import { registryPublishCommand } from '../src/cli/commands/registry-publish.js';
import { packModule, readRegistryCatalog } from '../src/packaging/index.js';
import { generateSigningKeyPair } from '../src/plugins/registry/index.js';
import { type FixtureModule, manifestOf } from './support/installer-registry.js';

const notes = (version: string, typeDefs: string): FixtureModule => ({
  name: 'notes',
  version,
  source: `export default { typeDefs: ${JSON.stringify(typeDefs)}, resolvers: {} };`,
});

describe('a64 registry publish prints the SDL diff against the previous published version', () => {
  let work: string;
  let keyFile: string;
  let registry: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'a64-publish-diff-'));
    registry = path.join(work, 'registry');
    keyFile = path.join(work, 'private.jwk.json');
    await writeFile(keyFile, JSON.stringify((await generateSigningKeyPair()).privateJwk));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  async function pack(module: FixtureModule): Promise<string> {
    const source = path.join(work, `src-${module.version}`, module.name);
    await mkdir(source, { recursive: true });
    await writeFile(path.join(source, 'manifest.json'), JSON.stringify(manifestOf(module)));
    await writeFile(path.join(source, 'index.js'), module.source);
    return (await packModule(source, path.join(work, `out-${module.version}`))).file;
  }

  async function publish(tarball: string, ...flags: string[]) {
    const out = { stdout: '', stderr: '' };
    const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), env: {}, cwd: work };
    const code = await registryPublishCommand.run(
      { values: { registry, key: keyFile, ...Object.fromEntries(flags.map((f) => [f, true])) }, positionals: [tarball] },
      io,
    );
    return { code, ...out };
  }

  const published = async () => (await readRegistryCatalog(registry))?.modules[0]?.versions.map((v) => v.version) ?? [];

  it('says a first release has nothing to compare', async () => {
    const result = await publish(
      await pack(notes('1.0.0', 'type Note { text: String! tag: String } extend type Query { notes: [Note!]! }')),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('first published version');
  });

  it('lists safe and dangerous changes of a compatible release and publishes it', async () => {
    const result = await publish(
      await pack(
        notes('1.1.0', 'type Note { text: String! tag: String pinned: Boolean } extend type Query { notes(first: Int): [Note!]! }'),
      ),
      'fail-on-breaking',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/SDL changes since notes@1\.0\.0 \(0 breaking, \d+ dangerous, \d+ safe\)/);
    expect(result.stdout).toMatch(/SAFE\s+Note\.pinned/);
    expect(await published()).toContain('1.1.0');
  });

  it('with --fail-on-breaking, a removed field exits non-zero and nothing is published', async () => {
    const tarball = await pack(notes('1.2.0', 'type Note { text: String! } extend type Query { notes(first: Int): [Note!]! }'));
    const refused = await publish(tarball, 'fail-on-breaking');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/BREAKING\s+Note\.tag\s+Field 'tag' .*removed/);
    expect(refused.stderr).toContain('Not published');
    expect(await published()).not.toContain('1.2.0');
    const allowed = await publish(tarball);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/2 breaking/);
    expect(await published()).toContain('1.2.0');
  });
});
