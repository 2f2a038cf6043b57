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
