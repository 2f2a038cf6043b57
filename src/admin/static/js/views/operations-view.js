import { byId, formatBytes, formatDateTime, h, replaceChildren } from '../dom.js';
import { describeCode } from '../error-advice.js';
import { STEP_LABELS } from '../operation-labels.js';
import { runSubscription } from '../sse-subscription.js';

const MODULE_EVENTS =
  'subscription AdminModuleEvents { moduleEvents { operationId module kind step status message code bytes totalBytes at } }';
const STATUS_LABELS = { RUNNING: 'Running', SUCCEEDED: 'Succeeded', FAILED: 'Failed' };
const MAX_OPERATIONS = 8;
const MAX_RETRY_MS = 30_000;

/**
 * @typedef {{ operationId: string, module: string, kind: string, step: string, status: string,
 *   message: string|null, code: string|null, bytes: number|null, totalBytes: number|null, at: string }} ModuleEvent
 */

/**
 * The live operations panel: one line per module operation, fed by the `moduleEvents`
 * subscription over SSE, reconnecting with backoff while signed in.
 * @param {{ onEvent: (event: ModuleEvent) => void, onFinished: (event: ModuleEvent) => void }} options
 *   `onEvent` for every event, `onFinished` once when an operation ends
 */
export function createOperationsView({ onEvent, onFinished }) {
  const list = byId('operations-list');
  const empty = byId('operations-empty');
  const connection = byId('operations-connection');
  /** @type {Map<string, ModuleEvent>} */
  const operations = new Map();
  /** @type {AbortController|null} */
  let controller = null;
  let retryMs = 2000;
  /** @type {ReturnType<typeof setTimeout>|undefined} */
  let retryTimer;

  /** @param {'live'|'waiting'|'down'} kind @param {string} text */
  function setConnection(kind, text) {
    connection.className = `connection connection-${kind}`;
    connection.textContent = text;
  }

  /** @param {ModuleEvent} event */
  function record(event) {
    const previous = operations.get(event.operationId);
    operations.delete(event.operationId);
    operations.set(event.operationId, { ...previous, ...event });
    while (operations.size > MAX_OPERATIONS) operations.delete(/** @type {string} */ (operations.keys().next().value));
    render();
    onEvent(event);
    if (event.status !== 'RUNNING' && previous?.status !== event.status) onFinished(event);
  }

  function render() {
    const newestFirst = [...operations.values()].reverse();
    replaceChildren(list, newestFirst.map(renderOperation));
    empty.hidden = operations.size > 0;
  }

  async function connect() {
    controller = new AbortController();
    const signal = controller.signal;
    setConnection('waiting', 'Connecting…');
    let failure = '';
    await runSubscription(
      MODULE_EVENTS,
      {
        onOpen: () => setConnection('live', 'Live'),
        onData: (data) => {
          retryMs = 2000;
          if (data?.moduleEvents) record(data.moduleEvents);
        },
        onError: (message) => {
          failure = message;
          setConnection('down', `Live progress unavailable. ${message}`);
        },
      },
      signal,
    );
    if (signal.aborted) return;
    if (!failure) setConnection('waiting', 'Reconnecting…');
    retryTimer = setTimeout(() => void connect(), retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }

  return {
    start() {
      this.stop();
      retryMs = 2000;
      void connect();
    },
    stop() {
      clearTimeout(retryTimer);
      controller?.abort();
      controller = null;
      operations.clear();
      render();
      setConnection('waiting', '');
    },
  };
}

/**
 * A refused operation (the platform said no and changed nothing) reads "Refused" with the
 * reason in the page's words, not "Failed" at the step it happened to be on.
 * @param {ModuleEvent} event
 */
function outcomeOf(event) {
  if (event.status !== 'FAILED') {
    const label = STATUS_LABELS[/** @type {keyof typeof STATUS_LABELS} */ (event.status)] ?? event.status;
    return { tone: event.status.toLowerCase(), label, message: event.message, refused: false };
  }
  const described = describeCode(event.code ?? '', event.message ?? '');
  return { tone: described.refused ? 'refused' : 'failed', label: described.label, message: described.text, refused: described.refused };
}

/** @param {ModuleEvent} event */
function renderOperation(event) {
  const outcome = outcomeOf(event);
  // The step a refusal stopped at says nothing to people ("Queued"); it is left out.
  const step = outcome.refused ? '' : (STEP_LABELS[/** @type {keyof typeof STEP_LABELS} */ (event.step)] ?? event.step);
  const hasBytes = typeof event.totalBytes === 'number' && event.totalBytes > 0;
  return h(
    'li',
    { className: `operation status-${outcome.tone}`, 'data-operation': event.operationId },
    h(
      'div',
      { className: 'operation-line' },
      h('code', { className: 'operation-module' }, event.module),
      h('span', { className: 'operation-kind' }, event.kind.toLowerCase()),
      h('span', { className: `badge op-${outcome.tone}` }, outcome.label),
      step ? h('span', { className: 'operation-step' }, step) : null,
      h('time', { className: 'muted small', datetime: event.at }, formatDateTime(event.at)),
    ),
    hasBytes
      ? h(
          'div',
          { className: 'operation-bytes' },
          h('progress', { max: String(event.totalBytes), value: String(Math.min(event.bytes ?? 0, event.totalBytes ?? 0)) }),
          h('span', { className: 'muted small' }, `${formatBytes(event.bytes ?? 0)} of ${formatBytes(event.totalBytes ?? 0)}`),
        )
      : null,
    outcome.message ? h('div', { className: 'operation-message' }, outcome.message) : null,
    outcome.refused && event.code ? h('code', { className: 'operation-code muted small' }, event.code) : null,
  );
}
