import type { FixtureModule } from './installer-registry.js';

/** Options of one `notes` release for the safe-changes specs. */
interface NotesRelease {
  version: string;
  /** Extra `Query` fields, each answering its own name. */
  queryFields?: string[];
  permissions?: string[];
  collections?: string[];
  /** Source of a `migrations` array. */
  migrations?: string;
}

/**
 * `notes@<version>`: `notes` / `addNote` over the `notes` collection, plus the `Query` fields
 * a release keeps or drops — so an upgrade can remove a field that clients query.
 */
export function notesRelease(release: NotesRelease): FixtureModule {
  const fields = release.queryFields ?? [];
  const typeDefs = `type Note { text: String! } extend type Query { notes: [Note!]! ${fields.map((f) => `${f}: String`).join(' ')} } extend type Mutation { addNote(text: String!): Int! }`;
  return {
    name: 'notes',
    version: release.version,
    manifest: { database_collections: release.collections ?? ['notes'], permissions: release.permissions ?? ['notes.view'] },
    source: `export default {
  typeDefs: ${JSON.stringify(typeDefs)},
  resolvers: {
    Query: {
      notes: async (_p, _a, ctx) => (await ctx.module.store.collection('notes').find({}, { sort: { text: 1 } })).map((n) => ({ text: n.text })),
      ${fields.map((f) => `${f}: () => ${JSON.stringify(`${f}@${release.version}`)},`).join('\n      ')}
    },
    Mutation: { addNote: async (_p, { text }, ctx) => { await ctx.module.store.collection('notes').insertOne({ text }); return ctx.module.store.collection('notes').countDocuments({}); } },
  },
  ${release.migrations ? `migrations: ${release.migrations},` : ''}
};
`,
  };
}
