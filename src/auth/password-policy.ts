import { createRequire } from 'node:module';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { z } from 'zod';

// zxcvbn and its dictionaries are loaded when the first password is scored, not at start-up
// (~100 ms of every start). Synchronously, since zod's refinement is: the packages are CommonJS,
// which is also what `import` of them loads.
const require = createRequire(import.meta.url);
function createChecker(): ZxcvbnFactory {
  const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  const english = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
  // Bounded cost: zxcvbn's matching grows fast with length and l33t substitutions (a random
  // 1,024-character password took 7.7 s of CPU with the defaults). Scoring the first 64
  // characters with at most 8 substitutions stays under ~60 ms; a longer password is at least as
  // strong as its start.
  return new Factory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    l33tMaxSubstitutions: 8,
    maxLength: 64,
  });
}

/** Lengths are checked before anything else, so a 1 MB value is refused without being hashed or scored. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;
export const MAX_EMAIL_LENGTH = 254;
/** zxcvbn score 0–4; 3 = "safely unguessable" against online attacks. */
const MIN_SCORE = 3;

let checker: ZxcvbnFactory | undefined;
function strength(password: string, userInputs: string[]) {
  checker ??= createChecker();
  return checker.check(password, userInputs);
}

/**
 * A password users may choose: 10–1024 characters and not trivially guessable (zxcvbn score ≥ 3
 * against common passwords, sequences, repeats and the account's own email).
 */
export function passwordSchema(userInputs: () => string[] = () => []) {
  return z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`)
    .superRefine((password, ctx) => {
      // zod runs this even after a failed length check: never score an oversized or short value.
      if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) return;
      const result = strength(password, userInputs());
      if (result.score >= MIN_SCORE) return;
      const hint = result.feedback.warning ?? result.feedback.suggestions[0] ?? 'add more words or characters';
      ctx.addIssue({ code: 'custom', message: `is too easy to guess (${hint.replace(/\.$/, '')}); choose a longer, less common one` });
    });
}

export const EmailSchema = z
  .string()
  .max(MAX_EMAIL_LENGTH, `must be at most ${MAX_EMAIL_LENGTH} characters`)
  .pipe(z.email({ message: 'must be an email address' }));
