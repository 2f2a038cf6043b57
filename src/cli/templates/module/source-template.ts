import type { TemplateNames } from './template-names.js';

/** `src/index.ts`: one type, one query and one mutation over the declared collection. */
export function sourceTemplate(n: TemplateNames): string {
  return `import { badInput, defineModule, fromField, type ModuleContext, type ModuleDocument, withPermission } from 'a64-platform/sdk';

type NoteDoc = ModuleDocument & { text: string; createdAt: string; createdBy: string | null };

// The permissions and the collection manifest.json declares: only declared collections can be opened.
const VIEW = '${n.module}.view';
const EDIT = '${n.module}.edit';
const COLLECTION = '${n.collection}';

const notes = (context: ModuleContext) => context.module.store.collection<NoteDoc>(COLLECTION);

function listNotes(_parent: unknown, _args: unknown, context: ModuleContext) {
  return notes(context).find({}, { sort: { createdAt: -1 } });
}

function addNote(_parent: unknown, args: { text: string }, context: ModuleContext) {
  const text = args.text.trim();
  if (text.length === 0) throw badInput('text', 'must not be empty');
  if (text.length > 2000) throw badInput('text', 'must be at most 2000 characters');
  return notes(context).insertOne({ text, createdAt: new Date().toISOString(), createdBy: context.module.user?.email ?? null });
}

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
    Query: { ${n.listField}: withPermission(VIEW, listNotes) },
    Mutation: { ${n.addField}: withPermission(EDIT, addNote) },
    ${n.type}: { id: fromField('_id') },
  },
  onEnable(handle) {
    handle.logger.info('${n.module} enabled');
  },
});
`;
}
