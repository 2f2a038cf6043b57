/** One `moduleEvents` message, as much as the bench reads of it. */
export interface ModuleEventSample {
  module: string;
  step: string;
  status: string;
  at: string;
}

export interface ModuleEventWatch {
  /** Resolves with the operation's events once `module`'s operation ends (or the stream does). */
  done: Promise<ModuleEventSample[]>;
  stop(): void;
}

/**
 * Subscribes to `moduleEvents` over SSE (graphql-yoga's default transport) and collects the events
 * of one module's next operation. Resolves after the subscription is accepted.
 */
export async function watchModuleEvents(graphqlUrl: string, token: string, module: string): Promise<ModuleEventWatch> {
  const controller = new AbortController();
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    signal: controller.signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'subscription { moduleEvents { module step status at } }' }),
  });
  if (!response.ok || !response.body) throw new Error(`moduleEvents subscription failed: ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const events: ModuleEventSample[] = [];
  const done = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) return events;
      buffer += decoder.decode(value, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('data:')) continue;
        const event = (JSON.parse(line.slice(5)) as { data?: { moduleEvents?: ModuleEventSample } }).data?.moduleEvents;
        if (event?.module !== module) continue;
        events.push(event);
        if (event.status !== 'RUNNING') {
          controller.abort();
          return events;
        }
      }
    }
  })().catch(() => events);
  return { done, stop: () => controller.abort() };
}

/** Milliseconds from each step's first event to the next step's first event, in order. */
export function stepDurations(events: ModuleEventSample[]): Array<{ step: string; ms: number }> {
  const firsts: Array<{ step: string; at: number }> = [];
  for (const event of events) {
    if (firsts.at(-1)?.step !== event.step) firsts.push({ step: event.step, at: Date.parse(event.at) });
  }
  return firsts.slice(0, -1).map((first, i) => ({ step: first.step, ms: firsts[i + 1]!.at - first.at }));
}
