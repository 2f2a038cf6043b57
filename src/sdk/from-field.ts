/**
 * graphql-jit's mark (see patches/README.md) on a resolver that only reads one field of its
 * parent: the compiled query reads that field itself instead of calling the resolver.
 */
export const READS_FIELD = Symbol.for('graphql-jit.readsField');
/** With READS_FIELD, a Map: the answer is the Map's entry for the field's value (a `Map#get`). */
export const READS_FIELD_THROUGH = Symbol.for('graphql-jit.readsFieldThrough');

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A resolver made by `fromField`, or undefined: the field name it reads. */
export function fieldReadBy(resolver: unknown): string | undefined {
  if (typeof resolver !== 'function') return undefined;
  const field = (resolver as { [READS_FIELD]?: unknown })[READS_FIELD];
  return typeof field === 'string' && IDENTIFIER.test(field) ? field : undefined;
}

/** The table a `fromField(field, table)` resolver answers through, or undefined. */
export function lookupReadBy(resolver: unknown): ReadonlyMap<unknown, unknown> | undefined {
  if (fieldReadBy(resolver) === undefined) return undefined;
  const table = (resolver as { [READS_FIELD_THROUGH]?: unknown })[READS_FIELD_THROUGH];
  return table instanceof Map ? table : undefined;
}

type Lookup<V> = Readonly<Record<string, V>> | ReadonlyMap<unknown, V>;

/**
 * A field resolver that answers with another field of the parent, as stored — the usual
 * `id: fromField('_id')` — or, given a table, with the table's entry for that field's value:
 * `allowedNextStates: fromField('state', TRANSITIONS)`. It costs what a field without a resolver
 * costs: a compiled query reads the field (and looks it up) itself, with no resolver call,
 * resolve info or module context per row (about 7% of a 100-row list request under load). The
 * value is used as is: no promise, no computing. A table is copied when the resolver is made
 * (an object's own keys only: `toString` or `__proto__` are not entries unless it has them);
 * a value it lacks answers null.
 *
 * @example Farm: { id: fromField('_id') }, FarmBlock: { allowedNextStates: fromField('state', BLOCK_TRANSITIONS) }
 */
export function fromField<TField extends string>(field: TField): (parent: { [K in TField]?: unknown }) => unknown;
export function fromField<TField extends string, V>(
  field: TField,
  table: Lookup<V>,
): (parent: { [K in TField]?: unknown }) => V | undefined;
export function fromField<TField extends string, V>(field: TField, table?: Lookup<V>): (parent: { [K in TField]?: unknown }) => unknown {
  if (!IDENTIFIER.test(field)) throw new TypeError(`fromField needs a plain field name (letters, digits, _ or $); got "${field}".`);
  if (table === undefined) {
    const read = (parent: { [K in TField]?: unknown }) => parent[field];
    Object.defineProperty(read, READS_FIELD, { value: field });
    return read;
  }
  if (typeof table !== 'object' || table === null)
    throw new TypeError(`fromField("${field}", table) needs an object or a Map as its table.`);
  const entries = table instanceof Map ? new Map<unknown, V>(table) : new Map<unknown, V>(Object.entries(table as Record<string, V>));
  const look = (parent: { [K in TField]?: unknown }) => entries.get(parent[field]);
  Object.defineProperty(look, READS_FIELD, { value: field });
  Object.defineProperty(look, READS_FIELD_THROUGH, { value: entries });
  return look;
}
