import fc from 'fast-check';
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

  it('answers the same for a string seen before, however many were seen (the canonical-string memo)', () => {
    const serializeOrCode = (value: string) => {
      try {
        return DateTimeScalar.serialize(value);
      } catch (error) {
        return (error as { extensions?: { code?: string } }).extensions?.code;
      }
    };
    const validDate = fc.date({
      min: new Date('0000-01-01T00:00:00.000Z'),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    });
    const candidate = fc.oneof(
      validDate.map((date) => date.toISOString()),
      fc.string(),
      fc.constant('2026-11-25T24:00:00.000Z'),
    );
    fc.assert(
      fc.property(candidate, (value) => {
        expect(serializeOrCode(value)).toBe(serializeOrCode(value));
      }),
    );
    // Past the memo's bound it starts over: still right, before and after.
    for (let ms = 0; ms < 40_000; ms++) expect(DateTimeScalar.serialize(new Date(ms).toISOString())).toBe(new Date(ms).toISOString());
    expect(() => DateTimeScalar.serialize('2026-13-01T00:00:00.000Z')).toThrow(/ISO 8601/);
    expect(DateTimeScalar.serialize('1970-01-01T00:00:00.000Z')).toBe('1970-01-01T00:00:00.000Z');
  });
});
