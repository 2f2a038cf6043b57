import { platformError } from '../../errors/index.js';

export interface FetchLimits {
  /** Whole request, headers and body included. */
  timeoutMs: number;
  /** Largest body accepted; larger responses are cut off and refused. */
  maxBytes: number;
}

/** A response whose body is read through `readBoundedBody`. 404 is returned, other failures throw. */
export interface BoundedResponse {
  status: number;
  /** Content-Length when the server sent one. */
  length: number | null;
  body: ReadableStream<Uint8Array> | null;
  signal: AbortSignal;
}

/** Maps a fetch/stream failure to REGISTRY_UNAVAILABLE with the reason a person can act on. */
export function unavailable(url: string, error: unknown, limits: FetchLimits) {
  const name = (error as Error | undefined)?.name;
  const reason =
    name === 'TimeoutError' || name === 'AbortError'
      ? `no complete answer within ${limits.timeoutMs} ms`
      : ((error as { cause?: Error }).cause?.message ?? (error as Error).message);
  return platformError(
    'REGISTRY_UNAVAILABLE',
    `The module registry at ${url} cannot be reached: ${reason}. Check REGISTRY_URL and try again.`,
    {
      cause: error,
    },
  );
}

/**
 * Starts a GET with a deadline covering headers and body. 5xx and other unexpected statuses are
 * REGISTRY_UNAVAILABLE; 200 and 404 are handed back for the caller to interpret.
 */
export async function openBounded(url: string, limits: FetchLimits): Promise<BoundedResponse> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: '*/*' } });
  } catch (error) {
    throw unavailable(url, error, limits);
  }
  if (response.status !== 200 && response.status !== 404) {
    await response.body?.cancel().catch(() => undefined);
    throw platformError(
      'REGISTRY_UNAVAILABLE',
      `The module registry answered ${response.status} for ${url}. Try again later or check REGISTRY_URL.`,
    );
  }
  const header = response.headers.get('content-length');
  const length = header !== null && /^\d+$/.test(header) ? Number(header) : null;
  if (response.status === 200 && length !== null && length > limits.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw platformError(
      'REGISTRY_UNAVAILABLE',
      `${url} is ${length} bytes, more than the ${limits.maxBytes} allowed; refusing to download it.`,
    );
  }
  return { status: response.status, length, body: response.body, signal };
}

/**
 * Reads a body chunk by chunk, counting bytes, and stops as soon as it passes `maxBytes`
 * (a lying or missing Content-Length cannot make us buffer more).
 */
export async function* readBoundedBody(url: string, response: BoundedResponse, limits: FetchLimits): AsyncGenerator<Uint8Array> {
  if (!response.body) return;
  const reader = response.body.getReader();
  let total = 0;
  try {
    while (true) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw unavailable(url, error, limits);
      }
      if (chunk.done) return;
      total += chunk.value.byteLength;
      if (total > limits.maxBytes) {
        throw platformError('REGISTRY_UNAVAILABLE', `${url} is larger than the ${limits.maxBytes} bytes allowed; refusing to download it.`);
      }
      yield chunk.value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** GETs a small file into memory under limits; `null` when the registry answers 404. */
export async function fetchBounded(url: string, limits: FetchLimits): Promise<Buffer | null> {
  const response = await openBounded(url, limits);
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of readBoundedBody(url, response, limits)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
