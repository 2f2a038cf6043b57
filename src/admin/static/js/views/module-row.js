import { formatDate, h } from '../dom.js';

/**
 * @typedef {object} ModuleInfo
 * @property {string} name
 * @property {string} displayName
 * @property {string} description
 * @property {string|null} version
 * @property {string|null} latestVersion
 * @property {string[]} availableVersions
 * @property {'BUNDLED'|'REGISTRY'} source
 * @property {'AVAILABLE'|'DISABLED'|'ENABLED'|'FAILED'} state
 * @property {boolean} enabled
 * @property {boolean} installed
 * @property {boolean} licenseRequired
 * @property {string|null} licenseType
 * @property {{ state: string, licensee: string|null, expiresAt: string|null }|null} license
 * @property {Array<{ name: string, range: string, satisfied: boolean }>} dependencies
 * @property {string|null} loadError
 * @property {string|null} updateAvailable newest newer registry version (server-side semver, inside the pin)
 * @property {'MANUAL'|'PATCH'|'MINOR'} updatePolicy
 * @property {string|null} updatePin
 * @property {string|null} updateBlocked why the last allowed automatic update was not applied
 * @property {string|null} previousVersion kept for rollback
 *
 * @typedef {'install'|'upgrade'|'disable'|'uninstall'|'license'|'policy'|'rollback'} FormKind
 * @typedef {'install'|'upgrade'|'enable'|'disable'|'uninstall'|'setLicense'|'setPolicy'|'rollback'} ActionKind
 * @typedef {{ refused: boolean, label: string, text: string, code: string }} RowError see error-advice.js
 * @typedef {{ form: FormKind|null, busy: boolean, error: RowError|null, notice: string, draft: Record<string, string>,
 *   plan?: import('./change-plan-view.js').PlanState }} RowState
 *   `draft`: what was typed into the open form, so a re-render (busy, refusal) keeps it.
 * @typedef {{ openForm: (kind: FormKind|null) => void, run: (action: ActionKind, options?: Record<string, unknown>) => void, canManage?: boolean,
 *   plan?: (action: 'UPGRADE'|'DISABLE'|'UNINSTALL', version?: string) => void }} RowHandlers
 *   `plan` (re)loads the change plan shown in the open form.
 */

const STATE_LABELS = { ENABLED: 'Enabled', DISABLED: 'Disabled', FAILED: 'Failed', AVAILABLE: 'Available' };
export const COLUMN_COUNT = 6;

/**
 * The table rows of one module: the summary row, and a detail row when there is a form, an
 * error, a notice or a load error to show under it.
 * @param {ModuleInfo} module @param {RowState} row @param {RowHandlers} handlers
 * @param {(module: ModuleInfo, row: RowState, handlers: RowHandlers) => HTMLElement|null} renderForm
 * @returns {HTMLElement[]}
 */
export function renderModuleRows(module, row, handlers, renderForm) {
  const summary = h(
    'tr',
    { className: `module-row${row.busy ? ' is-busy' : ''}`, 'data-module': module.name },
    h('td', { className: 'col-module' }, moduleTitle(module)),
    h('td', { className: 'col-version' }, versionCell(module)),
    h('td', { className: 'col-state' }, stateBadge(module.state)),
    h('td', { className: 'col-license' }, licenseCell(module)),
    h('td', { className: 'col-deps' }, dependenciesCell(module)),
    h('td', { className: 'col-actions' }, actionButtons(module, row, handlers)),
  );
  const form = row.form ? renderForm(module, row, handlers) : null;
  const details = [
    module.loadError ? h('p', { className: 'row-load-error' }, h('strong', {}, 'Load error: '), module.loadError) : null,
    module.updateBlocked
      ? h('p', { className: 'row-update-blocked' }, h('strong', {}, 'Automatic update blocked: '), module.updateBlocked)
      : null,
    form,
    row.error ? rowError(row.error) : null,
    row.notice ? h('p', { className: 'row-notice', role: 'status' }, row.notice) : null,
  ].filter(Boolean);
  if (details.length === 0) return [summary];
  summary.classList.add('has-detail');
  const detail = h('tr', { className: 'module-detail', 'data-module-detail': module.name }, h('td', { colspan: COLUMN_COUNT }, details));
  return [summary, detail];
}

/**
 * `Refused: <why and what to do here> (LICENSE_REQUIRED)`: the code stays visible for support and docs/errors.md.
 * @param {import('./module-row.js').RowError} error
 */
function rowError(error) {
  return h(
    'p',
    { className: `row-error${error.refused ? ' is-refused' : ''}`, role: 'alert' },
    error.label ? h('strong', { className: 'row-error-label' }, `${error.label}: `) : null,
    error.text,
    error.code ? h('code', { className: 'row-error-code' }, ` ${error.code}`) : null,
  );
}

/** @param {ModuleInfo} module */
function moduleTitle(module) {
  return [
    h('div', { className: 'module-name' }, module.displayName || module.name),
    h('div', { className: 'module-meta' }, h('code', {}, module.name), h('span', { className: 'dot' }, '·'), sourceLabel(module.source)),
    module.description ? h('div', { className: 'module-desc' }, module.description) : null,
  ];
}

/** @param {string} source */
function sourceLabel(source) {
  return source === 'BUNDLED' ? 'Bundled' : source === 'REGISTRY' ? 'Registry' : source;
}

/** @param {ModuleInfo} module */
function versionCell(module) {
  const current = module.version ?? module.latestVersion;
  const parts = [h('span', { className: 'version' }, current ?? '—')];
  if (!module.version && module.latestVersion) parts.push(h('span', { className: 'muted small' }, ' latest'));
  if (module.updateAvailable) {
    parts.push(
      h(
        'span',
        { className: 'badge badge-update', title: `Version ${module.updateAvailable} is available` },
        `update available: ${module.updateAvailable}`,
      ),
    );
  }
  if (module.installed && module.updatePolicy && module.updatePolicy !== 'MANUAL') {
    const pin = module.updatePin ? `, pinned ${module.updatePin}` : '';
    parts.push(h('div', { className: 'muted small update-policy' }, `auto-updates: ${module.updatePolicy.toLowerCase()}${pin}`));
  }
  return parts;
}

/** @param {string} state */
export function stateBadge(state) {
  return h(
    'span',
    { className: `badge state-${state.toLowerCase()}` },
    STATE_LABELS[/** @type {keyof typeof STATE_LABELS} */ (state)] ?? state,
  );
}

/** @param {ModuleInfo} module */
function licenseCell(module) {
  const state = module.license?.state ?? (module.licenseRequired ? 'MISSING' : 'NOT_REQUIRED');
  // Bundled modules are licensed with the platform itself: nothing to show or set.
  if (state === 'NOT_REQUIRED') return h('span', { className: 'muted' }, 'Not required');
  const type = module.licenseType ? module.licenseType.toLowerCase().replace(/_/g, ' ') : '';
  return [
    h('span', { className: `badge license-${state.toLowerCase()}` }, state.replace(/_/g, ' ').toLowerCase()),
    type ? h('div', { className: 'muted small' }, type) : null,
    module.license?.licensee ? h('div', { className: 'small' }, module.license.licensee) : null,
    module.license?.expiresAt ? h('div', { className: 'muted small' }, `until ${formatDate(module.license.expiresAt)}`) : null,
  ];
}

/** A license can be set for modules that require one, unless the platform says none is needed. @param {ModuleInfo} module */
function needsLicense(module) {
  return module.licenseRequired && module.license?.state !== 'NOT_REQUIRED';
}

/** @param {ModuleInfo} module */
function dependenciesCell(module) {
  if (!module.dependencies?.length) return h('span', { className: 'muted' }, 'None');
  return h(
    'ul',
    { className: 'deps' },
    module.dependencies.map((dep) =>
      h(
        'li',
        { className: dep.satisfied ? 'dep-ok' : 'dep-missing', title: dep.satisfied ? 'Satisfied' : 'Not satisfied' },
        h('span', { className: 'dep-mark', 'aria-hidden': 'true' }, dep.satisfied ? '✓' : '✗'),
        h('code', {}, dep.name),
        ' ',
        h('code', { className: 'muted' }, dep.range),
      ),
    ),
  );
}

/** @param {ModuleInfo} module @param {RowState} row @param {RowHandlers} handlers */
function actionButtons(module, row, handlers) {
  if (handlers.canManage === false) return null;
  if (row.busy) {
    return h(
      'span',
      { className: 'working' },
      h('span', { className: 'spinner', 'aria-hidden': 'true' }),
      h('span', { className: 'working-text' }, 'Working…'),
    );
  }
  /** @param {string} label @param {() => void} onClick @param {string} [kind] */
  const button = (label, onClick, kind = '') =>
    h(
      'button',
      { type: 'button', className: `btn btn-small ${kind}`.trim(), onClick, 'aria-label': `${label} ${module.displayName}` },
      label,
    );
  const buttons = [];
  if (!module.installed) {
    buttons.push(button('Install', () => handlers.openForm('install'), 'btn-primary'));
  } else {
    if (module.state === 'FAILED') buttons.push(button('Retry', () => handlers.run('enable')));
    // Disable, Upgrade and Uninstall first show what they would break (the change plan).
    if (module.enabled) buttons.push(button('Disable', () => handlers.openForm('disable')));
    else if (module.state !== 'FAILED') buttons.push(button('Enable', () => handlers.run('enable'), 'btn-primary'));
    if (module.updateAvailable) buttons.push(button('Upgrade', () => handlers.openForm('upgrade')));
    if (module.previousVersion) buttons.push(button('Roll back', () => handlers.openForm('rollback')));
    buttons.push(button('Updates', () => handlers.openForm('policy')));
    if (needsLicense(module)) buttons.push(button('Set license', () => handlers.openForm('license')));
    if (module.source !== 'BUNDLED') buttons.push(button('Uninstall', () => handlers.openForm('uninstall'), 'btn-danger-ghost'));
  }
  return h('div', { className: 'actions' }, buttons);
}
