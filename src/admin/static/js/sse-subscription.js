import { GRAPHQL_ENDPOINT } from './graphql-client.js';
import { readToken } from './session.js';

/**
 * @typedef {object} SubscriptionHandlers
 * @property {(data: any) => void} onData a `next` event carrying data
 * @property {(message: string) => void} onError GraphQL errors, a refused request, or a dropped stream
 * @property {() => void} [onOpen] the stream is established
 * @property {() => void} [onComplete] the server ended the stream
 */

/**
 * Runs a GraphQL subscription over Server-Sent Events the way graphql-yoga serves it: POST with
 * `accept: text/event-stream`, then `event: next` / `data: {...}` blocks until `event: complete`.
 * fetch + ReadableStream (not EventSource) so the token travels in the Authorization header.
 * Resolves when the stream ends for any reason; abort `signal` to stop it.
 * @param {string} query
 * @param {SubscriptionHandlers} handlers
 * @param {AbortSignal} signal
 */
export async function runSubscription(query, handlers, signal) {
  const token = readToken();
  /** @type {Record<string, string>} */
  const headers = { 'content-type': 'application/json', accept: 'text/event-stream' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, { method: 'POST', headers, body: JSON.stringify({ query }), signal });
  } catch (error) {
    if (!signal.aborted) handlers.onError(`Could not reach the server (${error instanceof Error ? error.message : error}).`);
    return;
  }
  if (!response.ok || !response.body || !response.headers.get('content-type')?.includes('text/event-stream')) {
    handlers.onError(await refusalText(response));
    return;
  }
  handlers.onOpen?.();
  try {
    await readEvents(response.body, handlers);
  } catch (error) {
    if (!signal.aborted) handlers.onError(`The live connection dropped (${error instanceof Error ? error.message : error}).`);
  }
}

/** @param {ReadableStream<Uint8Array>} body @param {SubscriptionHandlers} handlers */
async function readEvents(body, handlers) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (dispatch(block, handlers) === 'complete') {
        await reader.cancel();
        return;
      }
      end = buffer.indexOf('\n\n');
    }
  }
  handlers.onComplete?.();
}

/**
 * Handles one SSE block (`event:` and `data:` lines; lines starting with `:` are keep-alives).
 * @param {string} block @param {SubscriptionHandlers} handlers
 * @returns {'next'|'complete'|'ignored'}
 */
function dispatch(block, handlers) {
  let event = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (event === 'complete') {
    handlers.onComplete?.();
    return 'complete';
  }
  if (event !== 'next' || data.length === 0) return 'ignored';
  let payload;
  try {
    payload = JSON.parse(data.join('\n'));
  } catch {
    handlers.onError('The server sent a live update that is not valid JSON.');
    return 'ignored';
  }
  if (payload.errors?.length) {
    const first = payload.errors[0];
    handlers.onError(first.extensions?.code ? `${first.extensions.code}: ${first.message}` : first.message);
  } else if (payload.data) {
    handlers.onData(payload.data);
  }
  return 'next';
}

/** @param {Response} response */
async function refusalText(response) {
  try {
    const body = await response.json();
    const first = body?.errors?.[0];
    if (first) return first.extensions?.code ? `${first.extensions.code}: ${first.message}` : first.message;
  } catch {
    // Not JSON: fall through to the status line.
  }
  return `The server refused the live connection (${response.status} ${response.statusText}).`;
}
