import { badInput } from './module-error.js';

/** Anything with zod's `safeParse` shape (zod 3 and 4 schemas fit), so the SDK needs no zod itself. */
export interface InputSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/**
 * Validates GraphQL input with a zod schema. A failure becomes BAD_USER_INPUT whose
 * `extensions.field` names the first failing field (`areaHectares`, `location.latitude`).
 *
 * @example const input = parseInput(CreateFarmInput, args.input);
 */
export function parseInput<T>(schema: InputSchema<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'input';
  throw badInput(field, issue?.message ?? 'is not valid');
}
