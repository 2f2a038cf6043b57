import type { GraphQLResponse } from './graphql-client.js';

export interface ModuleEventPayload {
  operationId: string;
  module: string;
  kind: string;
  step: string;
  status: string;
  message: string | null;
  /** On FAILED: the error's code. */
  code: string | null;
  bytes: number | null;
  totalBytes: number | null;
}

export interface ModuleEventStream {
  /** Every `data:` payload received so far, in order (events and errors). */
  payloads: Array<GraphQLResponse<{ moduleEvents: ModuleEventPayload }>>;
  /** Events of `module` received so far. */
  eventsOf(module: string): ModuleEventPayload[];
  /** Resolves with `module`'s events once one matches `predicate` (rejects after `timeoutMs`). */
  until(module: string, predicate: (event: ModuleEventPayload) => boolean, timeoutMs?: number): Promise<ModuleEventPayload[]>;
  /** Resolves with `module`'s events once its operation ended (SUCCEEDED or FAILED). */
  finished(module: string, timeoutMs?: number): Promise<ModuleEventPayload[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

const FIELDS = 'operationId module kind step status message code bytes totalBytes';

/**
 * `subscription { moduleEvents }` over SSE (POST /graphql, accept: text/event-stream), the way a
 * browser or `curl -N` reads it. Resolves once the response headers arrived, i.e. the subscription
 * is registered and no later event is missed.
 */
export async function subscribeModuleEvents(graphqlUrl: string, token?: string): Promise<ModuleEventStream> {
  const controller = new AbortController();
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    signal: controller.signal,
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: `subscription { moduleEvents { ${FIELDS} } }` }),
  });
  const payloads: ModuleEventStream['payloads'] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of waiters) waiter();
  };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('data:') && line.length > 5) payloads.push(JSON.parse(line.slice(5)));
        notify();
      }
    } catch {
      // Aborted by close().
    } finally {
      notify();
    }
  })();
  let closed = false;
  void ended.then(() => {
    closed = true;
    notify();
  });
  const eventsOf = (module: string) =>
    payloads.flatMap((payload) => (payload.data?.moduleEvents.module === module ? [payload.data.moduleEvents] : []));
  const until: ModuleEventStream['until'] = (module, predicate, timeoutMs = 20_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const events = eventsOf(module);
        if (events.some(predicate)) {
          cleanup();
          resolve(events);
        } else if (closed) {
          cleanup();
          reject(new Error(`moduleEvents ended before the awaited event of ${module}: ${JSON.stringify(payloads)}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching moduleEvents for ${module} within ${timeoutMs} ms: ${JSON.stringify(eventsOf(module))}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return {
    payloads,
    eventsOf,
    until,
    finished: (module, timeoutMs) => until(module, (event) => event.status !== 'RUNNING', timeoutMs),
    ended,
    close: () => controller.abort(),
  };
}
