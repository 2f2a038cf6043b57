import { readToken } from './session.js';

/**
 * @typedef {{ message: string, extensions?: { code?: string } & Record<string, unknown> }} GraphqlError
 * @typedef {{ data?: any, errors?: GraphqlError[] }} GraphqlResult
 */

export const GRAPHQL_ENDPOINT = '/graphql';

/** Called when the server says the token is no longer good (expired, user removed). */
let onSessionEnded = () => {};

/** @param {() => void} handler */
export function setSessionEndedHandler(handler) {
  onSessionEnded = handler;
}

/**
 * Runs one GraphQL operation against `/graphql`. Never throws: transport failures come back as
 * an error in `errors`, so every caller shows problems the same way.
 * @param {string} query
 * @param {Record<string, unknown>} [variables]
 * @returns {Promise<GraphqlResult>}
 */
export async function graphql(query, variables = {}) {
  const token = readToken();
  /** @type {Record<string, string>} */
  const headers = {
    'content-type': 'application/json',
    // Plain JSON (not graphql-response+json) keeps status 200 for GraphQL errors, so the browser
    // does not log every refused mutation as a failed network request.
    accept: 'application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (error) {
    return { errors: [{ message: `Could not reach the server (${errorText(error)}). Check that the platform is running.` }] };
  }
  /** @type {GraphqlResult} */
  let body;
  try {
    body = await response.json();
  } catch {
    return { errors: [{ message: `The server answered ${response.status} ${response.statusText} without a GraphQL result.` }] };
  }
  if (token && body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onSessionEnded();
  return body;
}

/**
 * The first error in words, with its code when it has one: `MODULE_NOT_FOUND: No module named "x".`
 * @param {GraphqlError[]|undefined} errors
 */
export function describeErrors(errors) {
  const first = errors?.[0];
  if (!first) return '';
  const code = first.extensions?.code;
  return code ? `${code}: ${first.message}` : first.message;
}

/** @param {unknown} error */
function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}
