import type { TemplateNames } from './template-names.js';

/** `test/<name>.test.ts`: the module on a real test platform, through GraphQL. */
export function testTemplate(n: TemplateNames): string {
  return `import { fileURLToPath } from 'node:url';
import { createTestPlatform } from 'a64-platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The module's own directory (the one holding manifest.json).
const moduleDir = fileURLToPath(new URL('..', import.meta.url));

describe('${n.module}', () => {
  let platform: Awaited<ReturnType<typeof createTestPlatform>>;
  let admin: string;

  beforeAll(async () => {
    platform = await createTestPlatform({ modules: [moduleDir] });
    admin = await platform.loginAsAdmin();
  });
  afterAll(() => platform?.close());

  it('adds a note and lists it', async () => {
    const added = await platform.graphql('mutation($t: String!) { ${n.addField}(text: $t) { id text } }', { t: 'First note' }, { token: admin });
    expect(added.errors).toBeUndefined();
    const listed = await platform.graphql('{ ${n.listField} { id text } }', {}, { token: admin });
    expect(listed.data).toEqual({ ${n.listField}: [added.data?.${n.addField}] });
  });

  it('refuses an empty note, naming the field', async () => {
    const result = await platform.graphql('mutation { ${n.addField}(text: "  ") { id } }', {}, { token: admin });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });

  it('lets a user without ${n.module}.edit read but not write', async () => {
    await platform.createUser({ email: 'reader@example.test', password: 'reader-password-1', role: 'USER', permissions: ['${n.module}.view'] });
    const login = await platform.graphql('mutation { login(email: "reader@example.test", password: "reader-password-1") { token } }');
    const reader = (login.data as { login: { token: string } }).login.token;
    expect((await platform.graphql('{ ${n.listField} { id } }', {}, { token: reader })).errors).toBeUndefined();
    const write = await platform.graphql('mutation { ${n.addField}(text: "no") { id } }', {}, { token: reader });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
`;
}
