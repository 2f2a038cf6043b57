import { formatDateTime, h } from '../dom.js';

/** @typedef {import('../change-operations.js').ChangePlan} ChangePlan */
/** @typedef {import('../change-operations.js').SchemaChange} SchemaChange */
/** @typedef {{ status: 'loading' } | { status: 'error', message: string } | { status: 'ready', plan: ChangePlan }} PlanState */

/** @param {SchemaChange} change */
function usageText(change) {
  if (!change.usage?.count) return 'not used recently';
  const uses = change.usage.count === 1 ? '1 use' : `${change.usage.count} uses`;
  return `${uses}, last ${formatDateTime(change.usage.lastUsedAt)}`;
}

/** @param {SchemaChange} change */
function changeItem(change) {
  const used = change.level === 'BREAKING' && (change.usage?.count ?? 0) > 0;
  return h(
    'li',
    { className: `plan-change plan-${change.level.toLowerCase()}${used ? ' is-used' : ''}` },
    h('span', { className: `badge plan-level-${change.level.toLowerCase()}` }, change.level.toLowerCase()),
    ' ',
    change.coordinate ? h('code', {}, change.coordinate) : null,
    ' ',
    h('span', { className: 'plan-message' }, change.message),
    change.level === 'BREAKING'
      ? h('span', { className: used ? 'plan-usage is-used' : 'plan-usage muted' }, ` — ${usageText(change)}`)
      : null,
  );
}

/** @param {string} label @param {string[]} items @param {string} className */
function listLine(label, items, className) {
  if (!items.length) return null;
  return h(
    'p',
    { className },
    h('strong', {}, `${label}: `),
    items.map((item, i) => [i ? ', ' : '', h('code', {}, item)]),
  );
}

/**
 * The plan shown before an Upgrade, Disable or Uninstall: breaking changes (used ones first,
 * with their usage), what is added or removed, and why the operation would fail.
 * @param {PlanState|undefined} state
 */
export function renderChangePlan(state) {
  if (!state || state.status === 'loading')
    return h('div', { className: 'change-plan muted', role: 'status' }, 'Checking what this changes…');
  if (state.status === 'error')
    return h('div', { className: 'change-plan row-error', role: 'alert' }, `Could not compute the plan: ${state.message}`);
  const { plan } = state;
  const breaking = plan.schemaChanges.filter((c) => c.level === 'BREAKING');
  const others = plan.schemaChanges.length - breaking.length;
  const used = breaking.filter((c) => (c.usage?.count ?? 0) > 0);
  const ordered = [...used, ...breaking.filter((c) => !used.includes(c))];
  return h(
    'div',
    { className: 'change-plan', 'data-plan-action': plan.action },
    plan.errors.length
      ? h(
          'ul',
          { className: 'plan-errors row-error', role: 'alert' },
          plan.errors.map((e) => h('li', {}, e)),
        )
      : null,
    h(
      'p',
      { className: used.length ? 'plan-summary is-breaking' : 'plan-summary' },
      used.length
        ? `Breaks ${used.length} field(s) clients used recently.`
        : breaking.length
          ? `${breaking.length} breaking change(s), none used recently.`
          : 'No breaking schema changes.',
      others ? ` ${others} other change(s).` : '',
    ),
    ordered.length ? h('ul', { className: 'plan-changes' }, ordered.map(changeItem)) : null,
    listLine('New permissions', plan.permissionsAdded, 'plan-permissions'),
    listLine('New collections', plan.collectionsAdded, 'plan-permissions'),
    listLine('Permissions removed', plan.permissionsRemoved, 'muted small'),
    listLine(
      plan.action === 'UNINSTALL' ? 'Collections (deleted only with "Also delete its data")' : 'Collections removed',
      plan.collectionsRemoved,
      'muted small',
    ),
  );
}

/**
 * The consent checkboxes an upgrade needs before the server accepts it: one for breaking
 * changes in use, one for new permissions and collections. Empty when nothing needs consent.
 * @param {PlanState|undefined} state @param {Record<string, string>} draft
 */
export function upgradeConsent(state, draft) {
  if (state?.status !== 'ready') return [];
  const { plan } = state;
  const asks = [...plan.permissionsAdded, ...plan.collectionsAdded];
  return [
    plan.breakingInUse.length
      ? h(
          'label',
          { className: 'check' },
          h('input', { type: 'checkbox', name: 'acceptBreakingChanges', checked: draft.acceptBreakingChanges === 'on' }),
          h('span', {}, `I accept the breaking changes to ${plan.breakingInUse.map((c) => c.coordinate).join(', ')}`),
        )
      : null,
    asks.length
      ? h(
          'label',
          { className: 'check' },
          h('input', {
            type: 'checkbox',
            name: 'acceptPermissions',
            value: asks.join(','),
            checked: draft.acceptPermissions === asks.join(','),
          }),
          h('span', {}, `Grant the new permissions and collections: ${asks.join(', ')}`),
        )
      : null,
  ].filter(Boolean);
}
