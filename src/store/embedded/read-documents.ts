import model from '@seald-io/nedb/lib/model.js';
import { deepFreeze } from '../deep-freeze.js';
import type { FindOptions, StoredDocument } from '../types.js';
import { copyDocument } from './copy-document.js';
import { copyStoredDocument } from './copy-stored-document.js';
import type { Datastore } from './nedb.js';
import { shareStoredDocument } from './share-stored-document.js';

type Doc = StoredDocument;

/** The undocumented parts of an nedb datastore the read path uses. */
interface DatastoreInternals {
  /** Candidates for a query from the best single index, or every document (synchronous, no copies). */
  _getRawCandidates(query: Record<string, unknown>): Doc[];
  ttlIndexes: Record<string, unknown>;
}

/**
 * Whether this datastore can be read without nedb's cursor. Only TTL indexes need the cursor
 * (it deletes expired documents while reading); the platform creates none.
 */
export function canReadDirectly(datastore: Datastore): boolean {
  const internals = datastore as unknown as Partial<DatastoreInternals>;
  return typeof internals._getRawCandidates === 'function' && Object.keys(internals.ttlIndexes ?? {}).length === 0;
}

function matching(datastore: Datastore, query: Record<string, unknown>): Doc[] {
  const candidates = (datastore as unknown as DatastoreInternals)._getRawCandidates(query);
  const matched: Doc[] = [];
  for (const candidate of candidates) if (model.match(candidate, query)) matched.push(candidate);
  return matched;
}

/** Stable sort by the spec, reading each document's sort values once (nedb reads them per comparison). */
function sortDocuments(documents: Doc[], sort: NonNullable<FindOptions['sort']>): Doc[] {
  const criteria = Object.entries(sort);
  const keyed = documents.map((document) => ({ document, values: criteria.map(([path]) => model.getDotValue(document, path)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < criteria.length; i++) {
      const order = criteria[i]![1] * model.compareThings(a.values[i], b.values[i]);
      if (order !== 0) return order;
    }
    return 0;
  });
  return keyed.map((entry) => entry.document);
}

/** One copy per returned document, projected as nedb projects (inclusion or exclusion, `_id` kept unless 0). */
function copyProjected(document: Doc, projection: FindOptions['projection']): Doc {
  if (!projection || Object.keys(projection).length === 0) return copyStoredDocument(document);
  const keys = Object.keys(projection).filter((key) => key !== '_id');
  const keepId = projection._id !== 0;
  let copy: Doc;
  if (keys.length === 0) copy = copyStoredDocument(document);
  else if (projection[keys[0]!] === 1) {
    const set: Record<string, unknown> = {};
    for (const key of keys) {
      const value = model.getDotValue(document, key);
      if (value !== undefined) set[key] = copyDocument(value);
    }
    copy = model.modify({} as Doc, { $set: set });
  } else copy = model.modify(document, { $unset: Object.fromEntries(keys.map((key) => [key, true])) });
  if (keepId) copy._id = document._id;
  else delete (copy as Partial<Doc>)._id;
  return copy;
}

/**
 * The documents `find` returns, as references into nedb's memory: nedb's matcher and order, with
 * each document's sort values read once (nedb's cursor re-reads them on every comparison).
 * Synchronous: a read sees every write whose in-memory change is done. Copy before handing out.
 */
export function selectDocuments(datastore: Datastore, query: Record<string, unknown>, options: FindOptions): Doc[] {
  let documents = matching(datastore, query);
  if (options.sort && Object.keys(options.sort).length > 0) documents = sortDocuments(documents, options.sort);
  const skip = options.skip ?? 0;
  if (skip > 0 || options.limit) documents = documents.slice(skip, options.limit ? skip + options.limit : undefined);
  return documents;
}

/**
 * What a read hands back of the selected documents: the caller's projected copies, or, for a
 * `readOnly` read, frozen documents (the stored ones themselves when there is no projection).
 * The array is always new: the selection itself may be kept by the read cache.
 */
export function handOutDocuments(documents: readonly Doc[], options: Pick<FindOptions, 'projection' | 'readOnly'>): Doc[] {
  const { projection, readOnly } = options;
  if (projection) assertProjection(projection);
  if (!readOnly) return documents.map((document) => copyProjected(document, projection));
  if (projection && Object.keys(projection).length > 0) return documents.map((document) => deepFreeze(copyProjected(document, projection)));
  // A selection the read cache hands out again holds the documents shared the first time.
  if (sharedSelections.has(documents)) return documents.slice();
  const shared = documents.map(shareStoredDocument);
  if (shared.every((document, i) => document === documents[i])) sharedSelections.add(documents);
  return shared;
}

// Selections (kept by the read cache) whose documents are all shared as they are stored.
const sharedSelections = new WeakSet<readonly Doc[]>();

/** How many documents match, copying none. */
export function countMatching(datastore: Datastore, query: Record<string, unknown>): number {
  return matching(datastore, query).length;
}

/** nedb's rule: a projection either keeps or omits fields (besides `_id`), not both. */
function assertProjection(projection: NonNullable<FindOptions['projection']>): void {
  const actions = new Set(
    Object.entries(projection)
      .filter(([key]) => key !== '_id')
      .map(([, action]) => action),
  );
  if (actions.size > 1) throw new Error("Can't both keep and omit fields except for _id");
}
