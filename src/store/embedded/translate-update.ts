import model from '@seald-io/nedb/lib/model.js';
import { generateId } from '../generate-id.js';
import { InvalidStoreRequestError } from '../store-errors.js';
import type { Filter, StoredDocument, Update } from '../types.js';

const SUPPORTED_OPERATORS = new Set(['$set', '$unset', '$inc', '$push', '$addToSet', '$pull', '$setOnInsert']);

/** An update split into what nedb applies natively and what only applies when an upsert inserts. */
export interface TranslatedUpdate {
  /** Native nedb modifiers; empty when the update changes nothing on an existing document. */
  modifiers: Record<string, Record<string, unknown>>;
  setOnInsert: Record<string, unknown>;
}

/**
 * Validates an update (operators only — a replacement document would silently wipe fields in
 * nedb) and sets `$setOnInsert` aside, since nedb does not know it.
 */
export function translateUpdate(update: Update): TranslatedUpdate {
  if (update === null || typeof update !== 'object' || Array.isArray(update)) {
    throw new InvalidStoreRequestError('An update must be an object of operators such as { $set: { … } }.');
  }
  const modifiers: Record<string, Record<string, unknown>> = {};
  let setOnInsert: Record<string, unknown> = {};
  for (const [operator, fields] of Object.entries(update)) {
    if (!SUPPORTED_OPERATORS.has(operator)) {
      throw new InvalidStoreRequestError(
        `Unsupported update operator ${operator}; use ${[...SUPPORTED_OPERATORS].join(', ')} (replacement documents are not supported).`,
      );
    }
    if (fields === null || typeof fields !== 'object') throw new InvalidStoreRequestError(`${operator} needs an object of fields.`);
    if (operator === '$setOnInsert') setOnInsert = fields as Record<string, unknown>;
    else if (Object.keys(fields).length > 0) modifiers[operator] = fields as Record<string, unknown>;
  }
  return { modifiers, setOnInsert };
}

/**
 * The document an upsert inserts, like MongoDB builds it: the filter's equality fields, then
 * `$setOnInsert`, then the other operators. Built in memory so nothing is written if it fails.
 */
export function buildUpsertDocument(filter: Filter, update: TranslatedUpdate): StoredDocument {
  const equalities = equalityFields(filter);
  const { _id, ...fields } = equalities;
  let document: StoredDocument = { _id: typeof _id === 'string' ? _id : generateId() };
  if (Object.keys(fields).length > 0) document = model.modify(document, { $set: fields });
  if (Object.keys(update.setOnInsert).length > 0) document = model.modify(document, { $set: update.setOnInsert });
  if (Object.keys(update.modifiers).length > 0) document = model.modify(document, update.modifiers);
  return document;
}

/** Dotted path → value for every `field: value` / `field: { $eq: value }` the filter requires (through `$and`). */
function equalityFields(filter: Filter): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value as Filter[]) Object.assign(fields, equalityFields(part));
    } else if (key.startsWith('$')) {
    } else if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
      if ('$eq' in value) fields[key] = value.$eq;
    } else {
      fields[key] = value;
    }
  }
  return fields;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);
}
