import { describe, expect, it } from 'vitest';
import { deepFreeze, holdsDate } from './deep-freeze.js';

describe('deepFreeze', () => {
  it('freezes every object and array of a document, and leaves binary data (which cannot be frozen) as it is', () => {
    const bytes = new Uint8Array([1, 2]);
    const doc = { _id: 'a', tags: ['x'], nested: { deep: { n: 1 } }, at: new Date(0), bytes, blob: { buffer: Buffer.from('hi') } };
    expect(deepFreeze(doc)).toBe(doc);
    for (const part of [doc, doc.tags, doc.nested, doc.nested.deep, doc.at, doc.blob]) expect(Object.isFrozen(part)).toBe(true);
    expect(Object.isFrozen(bytes)).toBe(false);
    expect(deepFreeze(null)).toBeNull();
    expect(deepFreeze('text')).toBe('text');
  });

  it('tells whether a Date is anywhere in a document', () => {
    expect(holdsDate({ a: [{ b: new Date(0) }] })).toBe(true);
    expect(holdsDate({ a: [{ b: '2026-01-01T00:00:00.000Z' }], c: null })).toBe(false);
  });
});
