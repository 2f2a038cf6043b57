import { InvalidStoreRequestError } from '../store-errors.js';
import type { Filter } from '../types.js';

/** A query in nedb's dialect. */
export type NedbQuery = Record<string, unknown>;

// Field operators nedb evaluates exactly like MongoDB; the others are rewritten below.
const NATIVE_FIELD_OPERATORS = new Set(['$lt', '$lte', '$gt', '$gte', '$exists', '$size', '$elemMatch']);

/**
 * Rewrites a MongoDB-style filter into nedb's dialect so both adapters answer alike:
 * `$eq` (nedb has none), field-level `$not` (nedb only has the top-level form), `$ne`/`$nin`
 * with MongoDB's array semantics (no element may match), `null` matching missing fields,
 * `$regex` given as a string with `$options`, and `$nor`. Plain equalities stay top-level so
 * nedb can still use its indexes for them.
 *
 * @example translateFilter({ age: { $ne: 3 } }) // { $and: [{ $not: { age: 3 } }] }
 */
export function translateFilter(filter: Filter = {}): NedbQuery {
  const query: NedbQuery = {};
  const clauses: NedbQuery[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$')) clauses.push(translateLogical(key, value));
    else if (isOperatorObject(value)) translateField(key, value, query, clauses);
    else if (value === null || value === undefined) clauses.push(nullEquality(key));
    else query[key] = value;
  }
  if (clauses.length > 0) query.$and = clauses;
  return query;
}

function translateLogical(operator: string, value: unknown): NedbQuery {
  switch (operator) {
    case '$and':
    case '$or':
      return { [operator]: filterList(operator, value).map(translateFilter) };
    case '$nor':
      return { $not: { $or: filterList(operator, value).map(translateFilter) } };
    case '$not':
      return { $not: translateFilter(value as Filter) };
    default:
      throw new InvalidStoreRequestError(`Unsupported query operator ${operator}; use $and, $or, $nor or field operators.`);
  }
}

function filterList(operator: string, value: unknown): Filter[] {
  if (!Array.isArray(value)) throw new InvalidStoreRequestError(`${operator} needs an array of filters.`);
  return value as Filter[];
}

function translateField(field: string, operators: Record<string, unknown>, query: NedbQuery, clauses: NedbQuery[]): void {
  const native: Record<string, unknown> = {};
  for (const [operator, operand] of Object.entries(operators)) {
    if (NATIVE_FIELD_OPERATORS.has(operator)) native[operator] = operand;
    else if (operator === '$regex') native.$regex = toRegExp(operand, operators.$options);
    else if (operator === '$options') continue;
    // Kept native when it can be: nedb uses indexes for a top-level `$in` (e.g. `_id: { $in: ids }`).
    else if (operator === '$in' && Array.isArray(operand) && !operand.includes(null)) native.$in = operand;
    else clauses.push(translateFieldOperator(field, operator, operand));
  }
  if (Object.keys(native).length > 0) query[field] = native;
}

function translateFieldOperator(field: string, operator: string, operand: unknown): NedbQuery {
  switch (operator) {
    case '$eq':
      return equality(field, operand);
    case '$ne':
      return { $not: equality(field, operand) };
    case '$in':
      return membership(field, operand);
    case '$nin':
      return { $not: membership(field, operand) };
    case '$not':
      return { $not: isOperatorObject(operand) ? translateFilter({ [field]: operand }) : { [field]: operand } };
    default:
      throw new InvalidStoreRequestError(`Unsupported query operator ${operator} on field "${field}".`);
  }
}

function equality(field: string, value: unknown): NedbQuery {
  return value === null || value === undefined ? nullEquality(field) : { [field]: value };
}

// MongoDB: `{ f: null }` matches documents where f is null or missing; nedb only matches null.
function nullEquality(field: string): NedbQuery {
  return { $or: [{ [field]: null }, { [field]: { $exists: false } }] };
}

function membership(field: string, values: unknown): NedbQuery {
  if (!Array.isArray(values)) throw new InvalidStoreRequestError(`$in/$nin on field "${field}" needs an array.`);
  const query = { [field]: { $in: values } };
  return values.includes(null) ? { $or: [query, { [field]: { $exists: false } }] } : query;
}

function toRegExp(pattern: unknown, options: unknown): RegExp {
  if (pattern instanceof RegExp) return options ? new RegExp(pattern.source, String(options)) : pattern;
  if (typeof pattern === 'string') return new RegExp(pattern, typeof options === 'string' ? options : undefined);
  throw new InvalidStoreRequestError('$regex needs a string or a RegExp.');
}

/** `{ $gt: 1 }` is an operator object; `{ a: 1 }`, Dates, RegExps and arrays are values. */
function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date || value instanceof RegExp) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}
