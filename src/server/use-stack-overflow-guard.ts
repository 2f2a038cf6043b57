import type { Source } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { queryTooComplex } from './query-too-complex.js';

/** How deeply `{` nest in a document's text: an iterative measure that cannot overflow. */
function braceDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of text) {
    if (char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === '}') depth--;
  }
  return deepest;
}

function refuseOverflow(error: unknown, text: string | undefined, maxDepth: number): never {
  // A document nested deeper than the call stack (e.g. 3,000 inline fragments with the limits
  // raised): graphql-js parses and validates recursively. Refuse it as what it is.
  if (error instanceof RangeError) throw queryTooComplex('MAX_QUERY_DEPTH', maxDepth, braceDepth(text ?? ''));
  throw error;
}

/**
 * Turns a stack overflow while parsing or validating into `QUERY_TOO_COMPLEX` (HTTP 400) instead
 * of an internal error (HTTP 500 and a RangeError in the log). Registered after the operation
 * limits so it wraps their parser too.
 */
export function useStackOverflowGuard(maxDepth: number): Plugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parseFn(source, options);
        } catch (error) {
          return refuseOverflow(error, typeof source === 'string' ? source : (source as Source).body, maxDepth);
        }
      });
    },
    onValidate({ validateFn, setValidationFn }) {
      setValidationFn((schema, document, rules, typeInfo, options) => {
        try {
          return validateFn(schema, document, rules, typeInfo, options);
        } catch (error) {
          return refuseOverflow(error, document.loc?.source.body, maxDepth);
        }
      });
    },
  };
}
