import nedb from '@seald-io/nedb';

// nedb is CommonJS (`module.exports = Datastore`) but its typings declare an ES default export,
// so under NodeNext TypeScript sees the class at `.default` while Node hands us the class itself.
// This file is the one place that papers over the mismatch.
type DatastoreClass = typeof nedb.default;

/** nedb's Datastore class. */
export const Datastore: DatastoreClass = ((nedb as unknown as { default?: DatastoreClass }).default ??
  (nedb as unknown as DatastoreClass)) as DatastoreClass;

/** An nedb datastore (one collection, one datafile). */
export type Datastore = InstanceType<DatastoreClass>;

/** The parts of nedb's (untyped) index objects we read. */
export interface NedbIndex {
  /** Field names joined by `,` (sorted) for compound indexes. */
  fieldName: string;
  unique: boolean;
  sparse: boolean;
  getMatching(key: unknown): unknown[];
}

/** The datastore's indexes by field key (nedb keeps them on an undocumented `indexes` property). */
export function nedbIndexes(datastore: Datastore): Record<string, NedbIndex> {
  return (datastore as unknown as { indexes?: Record<string, NedbIndex> }).indexes ?? {};
}
