import { expect } from 'vitest';

// Comparing graphql-jit's answers with graphql-js's, for the jit property tests.

export type Reported = { message: string; path?: readonly (string | number)[] };

/** Errors as a sorted list of "path: message", the order graphql-js and graphql-jit report them in differs. */
export function errorsOf(result: { errors?: readonly Reported[] }): string[] {
  return (result.errors ?? []).map(({ message, path }) => `${(path ?? []).join('.')}: ${message}`).sort();
}

/** Whether the data is null somewhere above `path` (the error's subtree was removed by null propagation). */
function underNull(data: unknown, path: string): boolean {
  let value = data;
  for (const step of path.split('.').slice(0, -1)) {
    if (value === null || value === undefined) return true;
    value = (value as Record<string, unknown>)[step];
    if (value === null) return true;
  }
  return false;
}

/**
 * graphql-js's errors, all of them; graphql-jit also reports errors inside a subtree that null
 * propagation removed (graphql-js stops at the first), and only there.
 */
export function expectSameErrors(jit: { data: unknown; errors: string[] }, js: { errors: string[] }): void {
  expect(jit.errors).toEqual(expect.arrayContaining(js.errors));
  const extra = jit.errors.filter((error) => !js.errors.includes(error));
  for (const error of extra) expect(underNull(jit.data, error.split(': ')[0]!), error).toBe(true);
}
