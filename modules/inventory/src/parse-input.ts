import { badInput } from 'a64-platform/sdk';
import type { z } from 'zod';

/**
 * Validates GraphQL input with a zod schema. A failure becomes BAD_USER_INPUT whose
 * `extensions.field` names the first failing field (`areaHectares`, `location.latitude`).
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'input';
  throw badInput(field, issue?.message ?? 'is not valid');
}
