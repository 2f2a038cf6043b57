import { describe, expect, it } from 'vitest';
import { isSameLoaderOptions } from './is-same-loader-options.js';

describe('isSameLoaderOptions', () => {
  it('compares filters and projections deeply in any key order, sorts in their order', () => {
    expect(isSameLoaderOptions({ sort: { a: 1, b: -1 }, limit: 2 }, { limit: 2, sort: { a: 1, b: -1 } })).toBe(true);
    expect(isSameLoaderOptions({ sort: { a: 1, b: -1 } }, { sort: { b: -1, a: 1 } })).toBe(false);
    expect(isSameLoaderOptions({ sort: { a: 1 } }, { sort: { a: -1 } })).toBe(false);
    expect(isSameLoaderOptions({ filter: { x: 1, y: { $ne: null } } }, { filter: { y: { $ne: null }, x: 1 } })).toBe(true);
    expect(isSameLoaderOptions({ filter: { x: undefined, y: 1 } }, { filter: { y: 1 } })).toBe(true);
    expect(isSameLoaderOptions({ filter: { state: { $in: ['A', 'B'] } } }, { filter: { state: { $in: ['A'] } } })).toBe(false);
    expect(isSameLoaderOptions({ filter: { n: 1 } }, { filter: { n: '1' } })).toBe(false);
    expect(isSameLoaderOptions({ filter: { n: [1] } }, { filter: { n: { 0: 1 } } })).toBe(false);
    expect(isSameLoaderOptions({ limit: 1 }, { limit: 2 })).toBe(false);
    expect(isSameLoaderOptions({ projection: { name: 1 } }, {})).toBe(false);
  });

  it('compares Dates by time and RegExps by source and flags; other objects by identity', () => {
    expect(isSameLoaderOptions({ filter: { at: new Date(5) } }, { filter: { at: new Date(5) } })).toBe(true);
    expect(isSameLoaderOptions({ filter: { at: new Date(5) } }, { filter: { at: new Date(6) } })).toBe(false);
    expect(isSameLoaderOptions({ filter: { name: /a/i } }, { filter: { name: /a/i } })).toBe(true);
    expect(isSameLoaderOptions({ filter: { name: /a/i } }, { filter: { name: /a/ } })).toBe(false);
    expect(isSameLoaderOptions({ filter: { name: /a/ } }, { filter: { name: '/a/' } })).toBe(false);
    expect(isSameLoaderOptions({ filter: { m: new Map() } }, { filter: { m: new Map() } })).toBe(false);
  });
});
