import type { TemplateNames } from './template-names.js';

/** `src/index.ts`: one type, one query and one mutation over the declared collection. */
export function sourceTemplate(n: TemplateNames): string {
  return `import { badInput, defineModule, type ModuleContext, type ModuleDocument, withPermission } from 'a64-platform/sdk';

type NoteDoc = ModuleDocument & { text: string; createdAt: string; createdBy: string | null };

// Only collections listed in manifest.json "database_collections" can be opened.
const notes = (context: ModuleContext) => context.module.store.collection<NoteDoc>('${n.collection}');

export default defineModule({
  typeDefs: /* GraphQL */ \`
    type ${n.type} {
      id: ID!
      text: String!
      createdAt: DateTime!
      createdBy: String
    }
    extend type Query {
      """${n.module}.view. Newest first."""
      ${n.listField}: [${n.type}!]!
    }
    extend type Mutation {
      """${n.module}.edit."""
      ${n.addField}(text: String!): ${n.type}!
    }
  \`,
  resolvers: {
    Query: {
      ${n.listField}: withPermission('${n.module}.view', (_parent, _args, context) => notes(context).find({}, { sort: { createdAt: -1 } })),
    },
    Mutation: {
      ${n.addField}: withPermission('${n.module}.edit', (_parent, args: { text: string }, context) => {
        const text = args.text.trim();
        if (text.length === 0) throw badInput('text', 'must not be empty');
        if (text.length > 2000) throw badInput('text', 'must be at most 2000 characters');
        return notes(context).insertOne({ text, createdAt: new Date().toISOString(), createdBy: context.module.user?.email ?? null });
      }),
    },
    ${n.type}: { id: (note: NoteDoc) => note._id },
  },
  onEnable(handle) {
    handle.logger.info('${n.module} enabled');
  },
});
`;
}
