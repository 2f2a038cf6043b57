/**
 * The parts of the MongoDB adapter that need no server. The full contract against a real MongoDB
 * runs in store-contract.test.ts when MONGODB_URL is set.
 */
import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { DuplicateKeyError } from '../store-errors.js';
import { mapMongoError } from './map-mongo-error.js';
import { upsertWithStringId } from './upsert-with-string-id.js';

describe('mapMongoError', () => {
  it('maps E11000 to DuplicateKeyError naming the index fields', () => {
    const e11000 = new MongoServerError({ code: 11000, errmsg: 'E11000 duplicate key error', keyPattern: { user: 1, role: 1 } });
    const mapped = mapMongoError(e11000, 'grants');
    expect(mapped).toBeInstanceOf(DuplicateKeyError);
    expect((mapped as DuplicateKeyError).fields).toEqual(['user', 'role']);
    expect((mapped as DuplicateKeyError).collection).toBe('grants');
    expect((mapped as DuplicateKeyError).cause).toBe(e11000);
  });

  it('passes other errors through unchanged', () => {
    const other = new MongoServerError({ code: 2, errmsg: 'BadValue' });
    expect(mapMongoError(other, 'x')).toBe(other);
    const plain = new Error('boom');
    expect(mapMongoError(plain, 'x')).toBe(plain);
  });
});

describe('upsertWithStringId', () => {
  it('adds a string _id through $setOnInsert on upsert, keeping the caller $setOnInsert', () => {
    const update = upsertWithStringId({ name: 'a' }, { $set: { n: 1 }, $setOnInsert: { born: true } }, true) as Record<
      string,
      Record<string, unknown>
    >;
    expect(update.$set).toEqual({ n: 1 });
    expect(update.$setOnInsert?.born).toBe(true);
    expect(update.$setOnInsert?._id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('leaves the update alone without upsert or when _id is pinned (MongoDB refuses setting it twice)', () => {
    const update = { $set: { n: 1 } };
    expect(upsertWithStringId({ name: 'a' }, update, false)).toBe(update);
    expect(upsertWithStringId({ _id: 'x' }, update, true)).toBe(update);
    expect(upsertWithStringId({}, { $setOnInsert: { _id: 'y' } }, true)).toEqual({ $setOnInsert: { _id: 'y' } });
  });
});
