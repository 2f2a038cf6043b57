import { fileURLToPath } from 'node:url';
import { createTestPlatform, type TestPlatform } from 'a64-platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/runtime/${name}`, import.meta.url));

describe('testkit: a real platform for module authors', () => {
  let platform: TestPlatform;
  let admin: string;

  beforeAll(async () => {
    platform = await createTestPlatform({ modules: [fixture('notes'), fixture('notes_stats')] });
    admin = await platform.loginAsAdmin();
  });
  afterAll(() => platform?.close());

  it('serves the given modules, built and enabled, over HTTP on 127.0.0.1', async () => {
    expect(platform.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const result = await platform.graphql<{ notes: Array<{ text: string }>; noteCount: number }>(
      '{ notes { text } noteCount }',
      {},
      { token: admin },
    );
    expect(result.data).toEqual({ notes: [{ text: 'welcome' }], noteCount: 1 });
  });

  it('creates users with module permissions that guard resolvers', async () => {
    await platform.createUser({
      email: 'writer@example.test',
      password: 'writer-password-1',
      role: 'USER',
      permissions: ['notes.read', 'notes.write'],
    });
    await platform.createUser({ email: 'reader@example.test', password: 'reader-password-1', role: 'USER', permissions: ['notes.read'] });
    const login = async (email: string, password: string) =>
      (
        await platform.graphql<{ login: { token: string } }>('mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }', {
          e: email,
          p: password,
        })
      ).data!.login.token;
    const writer = await login('writer@example.test', 'writer-password-1');
    const reader = await login('reader@example.test', 'reader-password-1');
    expect((await platform.graphql('mutation { addNote(text: "hi") { text } }', {}, { token: writer })).data).toEqual({
      addNote: { text: 'hi' },
    });
    const denied = await platform.graphql('mutation { addNote(text: "no") { text } }', {}, { token: reader });
    expect(denied.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('toggles modules live through the platform mutations', async () => {
    const version = async () =>
      (await platform.graphql<{ platform: { schemaVersion: number } }>('{ platform { schemaVersion } }')).data!.platform.schemaVersion;
    const before = await version();
    await platform.graphql('mutation { disableModule(name: "notes_stats") { state } }', {}, { token: admin });
    expect((await platform.graphql('{ noteCount }', {}, { token: admin })).errors![0]!.message).toMatch(/Cannot query field "noteCount"/);
    await platform.graphql('mutation { enableModule(name: "notes_stats") { state } }', {}, { token: admin });
    expect((await platform.graphql('{ noteCount }', {}, { token: admin })).data).toEqual({ noteCount: 2 });
    expect(await version()).toBe(before + 2);
  });
});
