import { describe, expect, it } from 'vitest';
import { fieldReadBy, fromField, lookupReadBy, READS_FIELD, READS_FIELD_THROUGH } from './from-field.js';

describe('fromField', () => {
  it('answers with the named field of the parent, as stored', () => {
    const read = fromField('_id');
    expect(read({ _id: 'f-1' })).toBe('f-1');
    expect(read({})).toBeUndefined();
    expect(fieldReadBy(read)).toBe('_id');
  });

  it('refuses a name graphql-jit could not read as a plain property', () => {
    for (const name of ['', 'a.b', 'a-b', '1st', 'x]; alert(1); //']) expect(() => fromField(name)).toThrow(/plain field name/);
  });

  it('recognises only functions carrying a plain field name as reads', () => {
    const forged = () => 'x';
    Object.defineProperty(forged, READS_FIELD, { value: 'a; b' });
    expect(fieldReadBy(forged)).toBeUndefined();
    expect(fieldReadBy({ [READS_FIELD]: '_id' })).toBeUndefined();
    expect(fieldReadBy(() => 1)).toBeUndefined();
  });

  it("with a table, answers the entry for the field's value: own keys only, copied when made", () => {
    const table: Record<string, string[]> = { EMPTY: ['PLANTED'], PLANTED: ['GROWING'] };
    const next = fromField('state', table);
    table.EMPTY = ['changed'];
    expect(next({ state: 'EMPTY' })).toEqual(['PLANTED']);
    for (const state of ['toString', '__proto__', 'constructor', 'GONE', undefined, 1]) expect(next({ state })).toBeUndefined();
    expect(fieldReadBy(next)).toBe('state');
    expect(lookupReadBy(next)).toEqual(
      new Map([
        ['EMPTY', ['PLANTED']],
        ['PLANTED', ['GROWING']],
      ]),
    );
    const byNumber = fromField('n', new Map([[1, 'one']]));
    expect(byNumber({ n: 1 })).toBe('one');
    expect(byNumber({ n: '1' })).toBeUndefined();
    expect(lookupReadBy(fromField('_id'))).toBeUndefined();
  });

  it('refuses a table that is not an object, and ignores a table mark without a field mark or that is not a Map', () => {
    expect(() => fromField('state', 'EMPTY' as never)).toThrow(/object or a Map/);
    const forged = () => 'x';
    Object.defineProperty(forged, READS_FIELD_THROUGH, { value: new Map() });
    expect(lookupReadBy(forged)).toBeUndefined();
    Object.defineProperty(forged, READS_FIELD, { value: 'state' });
    expect(lookupReadBy(forged)).toBeInstanceOf(Map);
    const plain = () => 'x';
    Object.defineProperty(plain, READS_FIELD, { value: 'state' });
    Object.defineProperty(plain, READS_FIELD_THROUGH, { value: { EMPTY: 1 } });
    expect(lookupReadBy(plain)).toBeUndefined();
  });
});
