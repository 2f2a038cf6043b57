import { describe, expect, it } from 'vitest';
import { fieldReadBy, fromField, READS_FIELD } from './from-field.js';

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
});
