import { platformError } from '../errors/index.js';

/** The limits a request can break, named as the environment variable that sets each. */
export type LimitName =
  | 'MAX_QUERY_DEPTH'
  | 'MAX_QUERY_ALIASES'
  | 'MAX_QUERY_TOKENS'
  | 'MAX_QUERY_DIRECTIVES'
  | 'MAX_QUERY_COST'
  | 'MAX_MUTATION_ALIASES';

/**
 * The one error every refused-before-execution operation gets: `QUERY_TOO_COMPLEX` with
 * `extensions.limit` (the setting), `extensions.max` (its value) and `extensions.value` (what the
 * document needs), answered with HTTP 400.
 *
 * @example queryTooComplex('MAX_QUERY_DEPTH', 12, 40) // "The query is 40 deep; this server allows 12 (MAX_QUERY_DEPTH)…"
 */
export function queryTooComplex(limit: LimitName, max: number, value: number, what = MEASURES[limit]) {
  const allowed = max > 0 ? `this server allows ${max} (${limit})` : 'more than this server can check';
  return platformError(
    'QUERY_TOO_COMPLEX',
    `The query has ${what} ${value}; ${allowed}. Split it into smaller requests or ask the operator to raise ${limit}.`,
    { details: { limit, max, value, http: { status: 400 } } },
  );
}

const MEASURES: Record<LimitName, string> = {
  MAX_QUERY_DEPTH: 'a depth of',
  MAX_QUERY_ALIASES: 'an alias count of',
  MAX_QUERY_TOKENS: 'a token count of at least',
  MAX_QUERY_DIRECTIVES: 'a directive count of',
  MAX_QUERY_COST: 'an estimated cost of',
  MAX_MUTATION_ALIASES: 'one mutation field repeated, times:',
};
