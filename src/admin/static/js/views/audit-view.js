import { byId, formatDateTime, h, replaceChildren, showMessage } from '../dom.js';
import { describeErrors, graphql } from '../graphql-client.js';

const PAGE_SIZE = 20;
const AUDIT_QUERY =
  'query AdminAuditLog($limit: Int, $after: String) { auditLog(limit: $limit, after: $after) { entries { at actor action module outcome } nextCursor } }';

/**
 * @typedef {{ at: string, actor: string, action: string, module: string|null, outcome: string }} AuditEntry
 */

/** The audit log panel: newest entries first, "Older" follows `nextCursor`. */
export function createAuditView() {
  const tbody = /** @type {HTMLTableSectionElement} */ (byId('audit-table').querySelector('tbody'));
  const status = byId('audit-status');
  const older = /** @type {HTMLButtonElement} */ (byId('audit-older'));
  /** @type {string|null} */
  let cursor = null;

  /** @param {string|null} after */
  async function load(after) {
    const result = await graphql(AUDIT_QUERY, { limit: PAGE_SIZE, after });
    if (result.errors?.length || !result.data?.auditLog) {
      status.classList.add('is-error');
      showMessage(status, `Could not load the audit log. ${describeErrors(result.errors)}`);
      if (!after) replaceChildren(tbody);
      older.hidden = true;
      return;
    }
    showMessage(status, '');
    /** @type {AuditEntry[]} */
    const entries = result.data.auditLog.entries;
    const rows = entries.map(renderEntry);
    if (after) tbody.append(...rows);
    else replaceChildren(tbody, rows.length ? rows : h('tr', {}, h('td', { colspan: 5, className: 'empty' }, 'Nothing audited yet.')));
    cursor = result.data.auditLog.nextCursor ?? null;
    older.hidden = !cursor;
  }

  older.addEventListener('click', async () => {
    older.disabled = true;
    await load(cursor);
    older.disabled = false;
  });
  byId('audit-refresh').addEventListener('click', () => void load(null));

  return {
    refresh: () => load(null),
    clear() {
      cursor = null;
      older.hidden = true;
      replaceChildren(tbody);
      showMessage(status, '');
    },
  };
}

/** @param {AuditEntry} entry */
function renderEntry(entry) {
  const outcome = String(entry.outcome ?? '');
  const tone = /^(ok|success|succeeded|allowed)$/i.test(outcome) ? 'ok' : /fail|error|denied|refused/i.test(outcome) ? 'bad' : 'neutral';
  // `FAILED:LICENSE_REQUIRED` as a short badge and the code under it, so a narrow column never cuts it.
  const [word, code] = outcome.split(/:(.*)/s);
  return h(
    'tr',
    {},
    h('td', { className: 'muted audit-when' }, formatDateTime(entry.at)),
    h('td', {}, entry.actor),
    h('td', {}, h('code', {}, entry.action)),
    h('td', {}, entry.module ? h('code', {}, entry.module) : h('span', { className: 'muted' }, '—')),
    h(
      'td',
      { className: 'col-outcome', title: outcome },
      h('span', { className: `badge outcome-${tone}` }, word),
      code ? h('code', { className: 'outcome-code' }, code) : null,
    ),
  );
}
