// nedb ships no types for its model helpers. We use `modify` to build upserted documents in
// memory (so a failing unique index writes nothing), and its matcher, comparator and copier for
// reads (read-documents.ts), so filters and sorts mean exactly what they mean in nedb.
declare module '@seald-io/nedb/lib/model.js' {
  const model: {
    /** Returns a modified deep copy of `document`; throws on invalid modifiers. */
    modify<T extends object>(document: T, update: Record<string, unknown>): T;
    /** Whether `document` matches the (nedb) query. */
    match(document: object, query: Record<string, unknown>): boolean;
    /** The value at a dotted path (array elements by index or by mapping). */
    getDotValue(document: object, path: string): unknown;
    /** nedb's total order over values (undefined < null < numbers < strings < booleans < dates < arrays < objects). */
    compareThings(a: unknown, b: unknown, compareStrings?: (a: string, b: string) => number): number;
    /** A deep copy; Dates are shared (nedb never mutates them). */
    deepCopy<T>(value: T): T;
  };
  export default model;
}
