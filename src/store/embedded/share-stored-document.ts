import { deepFreeze, holdsDate } from '../deep-freeze.js';
import { copyStoredDocument } from './copy-stored-document.js';

type Doc = Record<string, unknown>;

// Stored documents holding a Date, which freezing cannot protect: handed out as frozen copies.
const unshareable = new WeakSet<Doc>();

/**
 * A document held in nedb's memory for a `readOnly` read: the stored object itself, deep-frozen
 * the first time it is handed out. nedb never changes a stored document in place (an update
 * stores a new object, see copy-stored-document.ts), so freezing changes nothing nedb does, and
 * only this function freezes nedb's memory: a frozen document costs one check on later reads.
 */
export function shareStoredDocument<T extends object>(document: T): T {
  if (Object.isFrozen(document)) return document;
  const stored = document as unknown as Doc;
  if (!unshareable.has(stored)) {
    if (!holdsDate(stored)) return deepFreeze(document);
    unshareable.add(stored);
  }
  return deepFreeze(copyStoredDocument(document));
}
