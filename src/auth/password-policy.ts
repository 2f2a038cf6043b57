import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';
import { z } from 'zod';

/** Lengths are checked before anything else, so a 1 MB value is refused without being hashed or scored. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;
export const MAX_EMAIL_LENGTH = 254;
/** zxcvbn score 0–4; 3 = "safely unguessable" against online attacks. */
const MIN_SCORE = 3;

let checker: ZxcvbnFactory | undefined;
function strength(password: string, userInputs: string[]) {
  // Built on first use: loading the dictionaries (common passwords, English words, names) costs ~100 ms.
  // Bounded cost: zxcvbn's matching grows fast with length and l33t substitutions (a random
  // 1,024-character password took 7.7 s of CPU with the defaults). Scoring the first 64
  // characters with at most 8 substitutions stays under ~60 ms; a longer password is at least as
  // strong as its start.
  checker ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    translations,
    l33tMaxSubstitutions: 8,
    maxLength: 64,
  });
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
