import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_JIT_BUDGET, isWithinJitBudget, measureJitCost } from './jit-budget.js';

const bomb = (levels: number) =>
  parse(
    `{ platform { ...F0 } } ${Array.from({ length: levels }, (_, i) => `fragment F${i} on PlatformInfo { ...F${i + 1} ...F${i + 1} version }`).join(' ')} fragment F${levels} on PlatformInfo { version }`,
  );

describe('measureJitCost', () => {
  it('counts fields, aliases and spreads as graphql-jit would expand them', () => {
    expect(measureJitCost(parse('{ a: platform { version } b: platform { version } }'))).toEqual({
      selections: 4,
      fragmentSpreads: 0,
      aliases: 2,
    });
    expect(measureJitCost(parse('{ platform { ...F ...F } } fragment F on PlatformInfo { v: version }'))).toEqual({
      selections: 3,
      fragmentSpreads: 2,
      aliases: 2,
    });
  });

  it('measures a 40-level fragment bomb (2^40 fields) without walking it', () => {
    const cost = measureJitCost(bomb(40));
    expect(cost.selections).toBeGreaterThan(2 ** 40);
    expect(isWithinJitBudget(bomb(40)).within).toBe(false);
  });

  it('treats a fragment cycle as empty instead of looping', () => {
    expect(
      measureJitCost(parse('{ platform { ...A } } fragment A on PlatformInfo { ...B } fragment B on PlatformInfo { ...A version }'))
        .selections,
    ).toBe(2);
  });

  it('keeps ordinary queries within the default budget and alias floods out', () => {
    expect(isWithinJitBudget(parse('{ platform { version schemaVersion } me { email role } }')).within).toBe(true);
    const flood = parse(
      `{ ${Array.from({ length: DEFAULT_JIT_BUDGET.maxAliases + 1 }, (_, i) => `a${i}: platform { version }`).join(' ')} }`,
    );
    expect(isWithinJitBudget(flood).within).toBe(false);
  });
});
