// nedb ships no types for its model helpers; we use `modify` to build upserted documents in
// memory (so a failing unique index writes nothing).
declare module '@seald-io/nedb/lib/model.js' {
  const model: {
    /** Returns a modified deep copy of `document`; throws on invalid modifiers. */
    modify<T extends object>(document: T, update: Record<string, unknown>): T;
  };
  export default model;
}
