import type { TemplateNames } from './template-names.js';

/** `test/<name>.test.ts`: the module on a real test platform, through GraphQL. */
export function testTemplate(n: TemplateNames): string {
  return `import { fileURLToPath } from 'node:url';
import { createTestPlatform } from 'a64-platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The module's own directory (the one holding manifest.json).
const moduleDir = fileURLToPath(new URL('..', import.meta.url));

// The module's fields; kept here so every test line stays short whatever the module's name.
const ADD = 'mutation($t: String!) { ${n.addField}(text: $t) { id text } }';
const LIST = '{ ${n.listField} { id text } }';
const READER = { email: 'reader@example.test', password: 'reader-password-1' };

describe('${n.module}', () => {
  let platform: Awaited<ReturnType<typeof createTestPlatform>>;
  let admin: string;

  beforeAll(async () => {
    platform = await createTestPlatform({ modules: [moduleDir] });
    admin = await platform.loginAsAdmin();
  });
  afterAll(() => platform?.close());

  it('adds a note and lists it', async () => {
    const added = await platform.graphql(ADD, { t: 'First note' }, { token: admin });
    expect(added.errors).toBeUndefined();
    const note = added.data?.${n.addField};
    const listed = await platform.graphql(LIST, {}, { token: admin });
    expect(listed.data).toEqual({ ${n.listField}: [note] });
  });

  it('refuses an empty note, naming the field', async () => {
    const result = await platform.graphql(ADD, { t: '  ' }, { token: admin });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });

  it('lets a user without ${n.module}.edit read but not write', async () => {
    await platform.createUser({ ...READER, role: 'USER', permissions: ['${n.module}.view'] });
    const login = await platform.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: READER.email,
      p: READER.password,
    });
    const reader = (login.data as { login: { token: string } }).login.token;
    expect((await platform.graphql(LIST, {}, { token: reader })).errors).toBeUndefined();
    const write = await platform.graphql(ADD, { t: 'no' }, { token: reader });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
`;
}
