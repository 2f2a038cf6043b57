import { describe, expect, it } from 'vitest';
import { DateTimeScalar } from './scalars.js';

describe('DateTime', () => {
  it('serializes stored ISO strings, Dates and other ISO forms to the canonical UTC form', () => {
    expect(DateTimeScalar.serialize('2026-11-25T06:00:00.000Z')).toBe('2026-11-25T06:00:00.000Z');
    expect(DateTimeScalar.serialize('2026-11-25T08:00:00+02:00')).toBe('2026-11-25T06:00:00.000Z');
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2026, 10, 25, 6)))).toBe('2026-11-25T06:00:00.000Z');
  });

  it('refuses what is not a date-time with BAD_USER_INPUT', () => {
    expect(() => DateTimeScalar.serialize('yesterday')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    expect(() => DateTimeScalar.serialize('2026-13-01T00:00:00.000Z')).toThrow(/ISO 8601/);
  });
});
