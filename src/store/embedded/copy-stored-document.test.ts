import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyDocument } from './copy-document.js';
import { copyStoredDocument } from './copy-stored-document.js';

/** Every object and array reachable from `value`. */
function objectsIn(value: unknown, found: object[] = []): object[] {
  if (typeof value !== 'object' || value === null) return found;
  found.push(value);
  for (const field of Object.values(value)) objectsIn(field, found);
  return found;
}

// What nedb keeps: plain objects, arrays, Dates and JSON primitives. (No "constructor" key:
// toStrictEqual reads it as the class.)
const { stored } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value')),
    tie('stored'),
  ),
  stored: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('_id', 'name', '0', '__proto__')), tie('value'), {
    noNullPrototype: true,
  }),
}));

describe('copyStoredDocument', () => {
  it('copies like copyDocument: equal, same key order, no object shared with the stored document', () => {
    fc.assert(
      fc.property(fc.array(stored, { minLength: 1, maxLength: 5 }), (documents) => {
        for (const document of documents as Record<string, unknown>[]) {
          for (let time = 0; time < 2; time++) {
            const copy = copyStoredDocument(document);
            expect(copy).toStrictEqual(copyDocument(document));
            expect(Object.keys(copy)).toEqual(Object.keys(document));
            expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
            const original = new Set(objectsIn(document));
            for (const object of objectsIn(copy)) expect(original.has(object)).toBe(false);
          }
        }
      }),
    );
  });

  it('keeps documents of one shape apart, and a caller’s change out of the store', () => {
    const a = { _id: 'a', name: 'A', location: { lat: 1 }, at: new Date(0) };
    const b = { _id: 'b', name: 'B', location: { lat: 2 }, at: new Date(1) };
    const copyA = copyStoredDocument(a);
    const copyB = copyStoredDocument(b);
    copyA.location.lat = 99;
    copyA.at.setTime(5);
    expect([a, b, copyB]).toEqual([
      { _id: 'a', name: 'A', location: { lat: 1 }, at: new Date(0) },
      { _id: 'b', name: 'B', location: { lat: 2 }, at: new Date(1) },
      { _id: 'b', name: 'B', location: { lat: 2 }, at: new Date(1) },
    ]);
    // Same keys, but here the field holds a primitive: its own copier.
    expect(copyStoredDocument({ _id: 'c', name: 'C', location: 'north', at: 7 })).toEqual({
      _id: 'c',
      name: 'C',
      location: 'north',
      at: 7,
    });
  });
});
