import type { TemplateNames } from './template-names.js';

/** `README.md` of a new module: what is where and the three commands that matter. */
export function readmeTemplate(n: TemplateNames): string {
  return `# ${n.display}

An A64 Platform module scaffolded by \`a64 module init ${n.module}\`.

| File | What it is |
| --- | --- |
| \`manifest.json\` | Name, version, dependencies, collections and permissions (see \`docs/modules/manifest.md\` of the platform) |
| \`src/index.ts\` | The module: \`defineModule({ typeDefs, resolvers, ... })\` |
| \`test/${n.module}.test.ts\` | Tests against a real platform started by the testkit |

\`\`\`sh
npm install          # links a64-platform (sdk + testkit) and installs vitest
npm test             # runs test/ against a throw-away platform
npm run pack         # builds dist/${n.module}-<version>.tar.gz
\`\`\`

Publish the tarball with \`npx a64 registry publish dist/${n.module}-0.1.0.tar.gz --registry <dir> --key <private.jwk.json>\`,
then install it from the admin page or with the \`installModule\` mutation.

Try it in GraphiQL once enabled:

\`\`\`graphql
mutation { ${n.addField}(text: "hello") { id text createdAt } }
query { ${n.listField} { id text createdBy } }
\`\`\`
`;
}
