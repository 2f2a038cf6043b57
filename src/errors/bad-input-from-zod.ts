import type { ZodError } from 'zod';
import { PlatformError } from './platform-error.js';

/** Turns a zod failure on user input into BAD_USER_INPUT naming the first failing field. */
export function badInputFromZod(error: ZodError, what = 'input'): PlatformError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || what;
  const message = issue ? `Invalid ${field}: ${issue.message}` : `Invalid ${what}.`;
  return new PlatformError('BAD_USER_INPUT', message, { details: { field } });
}
