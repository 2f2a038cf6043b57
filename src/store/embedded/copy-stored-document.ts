import { copyDocument } from './copy-document.js';

type Doc = Record<string, unknown>;
type Copier = (document: Doc) => Doc;

/** Past these, documents are copied field by field: a generated copier would not pay for itself. */
const MAX_COMPILED_KEYS = 64;
const MAX_SHAPES = 512;

// Per stored document: nedb never changes a stored document in place (an update stores a new
// object), so the copier made for an object's keys stays right for as long as the object lives.
const copierOf = new WeakMap<Doc, Copier>();
// Per shape (the keys, in order, and which of them hold objects): documents of a collection share few.
const copierOfShape = new Map<string, Copier>();

/**
 * Generated for one shape: an object literal of the same keys in the same order, primitives taken
 * as they are and objects through `copyDocument`. V8 builds such a literal in one step, where a
 * spread and a walk over the keys of each document cost ~20% more per document.
 */
function compileCopier(keys: readonly string[], holdsObject: readonly boolean[]): Copier {
  const fields = keys.map((key, i) => {
    const read = `d[${JSON.stringify(key)}]`;
    return `${JSON.stringify(key)}: ${holdsObject[i] ? `copy(${read})` : read}`;
  });
  return new Function('copy', `"use strict"; return (d) => ({ ${fields.join(', ')} });`)(copyDocument) as Copier;
}

function copierFor(document: Doc): Copier {
  const keys: string[] = [];
  const holdsObject: boolean[] = [];
  for (const key in document) {
    const value = document[key];
    keys.push(key);
    holdsObject.push(typeof value === 'object' && value !== null);
  }
  // `__proto__` in a literal would set the copy's prototype: such documents take the plain copy.
  if (keys.length > MAX_COMPILED_KEYS || keys.includes('__proto__')) return copyDocument;
  const shape = JSON.stringify(keys) + holdsObject.map(Number).join('');
  let copier = copierOfShape.get(shape);
  if (!copier) {
    if (copierOfShape.size >= MAX_SHAPES) copierOfShape.clear();
    copier = compileCopier(keys, holdsObject);
    copierOfShape.set(shape, copier);
  }
  return copier;
}

/**
 * The caller's deep copy of a document held in nedb's memory, as `copyDocument` makes it, through
 * a copier generated for the document's shape and remembered for the document.
 *
 * @example const mine = copyStoredDocument(stored); mine.location.lat = 0; // stored is unchanged
 */
export function copyStoredDocument<T extends object>(document: T): T {
  const stored = document as unknown as Doc;
  let copier = copierOf.get(stored);
  if (!copier) {
    copier = copierFor(stored);
    copierOf.set(stored, copier);
  }
  return copier(stored) as unknown as T;
}
