import { fetchChangePlan } from '../change-operations.js';
import { byId, h, replaceChildren, showMessage } from '../dom.js';
import { describeRefusal } from '../error-advice.js';
import { describeErrors } from '../graphql-client.js';
import { fetchModules, moduleMutations } from '../module-operations.js';
import { describeProgress } from '../operation-labels.js';
import { renderModuleForm } from './module-forms.js';
import { COLUMN_COUNT, renderModuleRows } from './module-row.js';

/** @typedef {import('./module-row.js').ModuleInfo} ModuleInfo */
/** @typedef {import('./module-row.js').RowState} RowState */
/** @typedef {import('./module-row.js').ActionKind} ActionKind */

const DONE_NOTICES = {
  install: 'Installed.',
  upgrade: 'Upgraded.',
  enable: 'Enabled.',
  disable: 'Disabled.',
  uninstall: 'Uninstalled.',
  setLicense: 'License saved.',
  setPolicy: 'Update policy saved.',
  rollback: 'Rolled back.',
};

/** Forms that show the change plan of their action first. */
const PLANNED = { upgrade: 'UPGRADE', disable: 'DISABLE', uninstall: 'UNINSTALL' };

/**
 * The modules panel: the table with per-row actions, and the "install by name" form.
 * @param {{ onChanged: () => void, canManage?: () => boolean }} options `onChanged` after any module
 *   mutation succeeds; `canManage` false hides the row actions (only SUPER_ADMIN may use them)
 */
export function createModulesView({ onChanged, canManage = () => true }) {
  const tbody = /** @type {HTMLTableSectionElement} */ (byId('modules-table').querySelector('tbody'));
  const status = byId('modules-status');
  /** @type {ModuleInfo[]} */
  let modules = [];
  /** @type {Map<string, RowState>} */
  const rows = new Map();
  let loading = false;
  let refreshPending = false;

  /** @param {string} name @returns {RowState} */
  function rowState(name) {
    let row = rows.get(name);
    if (!row) {
      row = { form: null, busy: false, error: null, notice: '', draft: {} };
      rows.set(name, row);
    }
    return row;
  }

  function render() {
    if (modules.length === 0) {
      replaceChildren(tbody, loading ? null : h('tr', {}, h('td', { colspan: COLUMN_COUNT, className: 'empty' }, 'No modules.')));
      return;
    }
    const sorted = [...modules].sort((a, b) => a.displayName.localeCompare(b.displayName));
    replaceChildren(
      tbody,
      sorted.map((module) =>
        renderModuleRows(
          module,
          rowState(module.name),
          {
            openForm: (kind) => {
              Object.assign(rowState(module.name), { form: kind, error: null, notice: '', draft: {}, plan: undefined });
              render();
              const action = kind ? PLANNED[/** @type {keyof typeof PLANNED} */ (kind)] : undefined;
              if (action) void loadPlan(module.name, /** @type {'UPGRADE'|'DISABLE'|'UNINSTALL'} */ (action));
              if (!kind) flushPendingRefresh();
            },
            plan: (action, version) => void loadPlan(module.name, action, version),
            run: (action, options) => void runAction(module.name, action, options ?? {}),
            canManage: canManage(),
          },
          renderModuleForm,
        ),
      ),
    );
  }

  /**
   * Reloads the table. A refresh caused by a live event waits while someone is typing into a
   * row form, so their input is not wiped; it runs when the form closes. `fresh` (the Refresh
   * button) has the server fetch the registry's catalog now.
   * @param {{ unlessEditing?: boolean, fresh?: boolean }} [options]
   */
  async function refresh(options = {}) {
    if (options.unlessEditing && [...rows.values()].some((row) => row.form || row.busy)) {
      refreshPending = true;
      return;
    }
    refreshPending = false;
    loading = true;
    showMessage(status, modules.length ? '' : 'Loading modules…');
    status.classList.remove('is-error');
    let result = await fetchModules({ refresh: options.fresh === true });
    // A fresh catalog is for ADMIN and SUPER_ADMIN; anyone else still gets the cached listing.
    if (options.fresh && result.errors?.[0]?.extensions?.code === 'FORBIDDEN') result = await fetchModules();
    loading = false;
    if (result.errors?.length || !result.data?.modules) {
      status.classList.add('is-error');
      showMessage(status, `Could not load modules. ${describeErrors(result.errors) || 'The server sent no modules.'}`);
    } else {
      showMessage(status, '');
      modules = result.data.modules;
    }
    render();
  }

  /**
   * Loads the plan of the open form's action into its row; an answer for a form since closed or
   * for another version is dropped.
   * @param {string} name @param {'UPGRADE'|'DISABLE'|'UNINSTALL'} action @param {string} [version]
   */
  async function loadPlan(name, action, version = '') {
    const row = rowState(name);
    const form = row.form;
    row.plan = { status: 'loading' };
    render();
    const result = await fetchChangePlan(name, action, version);
    if (row.form !== form || (action === 'UPGRADE' && (row.draft.version ?? '') !== version)) return;
    row.plan = result.data?.moduleChangePlan
      ? { status: 'ready', plan: result.data.moduleChangePlan }
      : { status: 'error', message: describeErrors(result.errors) || 'no answer' };
    render();
  }

  function flushPendingRefresh() {
    if (refreshPending) void refresh({ unlessEditing: true });
  }

  /** @param {string} name @param {ActionKind} action @param {Record<string, any>} options */
  async function runAction(name, action, options) {
    const row = rowState(name);
    if (action === 'setLicense' && !String(options.licenseKey ?? '').trim()) {
      Object.assign(row, { error: { refused: false, label: '', text: 'Paste the license key first.', code: '' }, notice: '' });
      return render();
    }
    Object.assign(row, { busy: true, error: null, notice: '' });
    render();
    const result = await moduleMutations[action](name, /** @type {any} */ (options));
    row.busy = false;
    if (result.errors?.length) {
      row.error = describeRefusal(result.errors[0]);
      render();
      return;
    }
    Object.assign(row, { form: null, notice: DONE_NOTICES[action], draft: {}, plan: undefined });
    // Notices are momentary; the table itself shows the new state.
    setTimeout(() => {
      if (row.notice === DONE_NOTICES[action]) {
        row.notice = '';
        render();
      }
    }, 6000);
    await refresh();
    onChanged();
  }

  const installForm = /** @type {HTMLFormElement} */ (byId('install-by-name'));
  const installError = byId('install-by-name-error');
  installForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(installForm);
    const name = String(data.get('name') ?? '').trim();
    if (!name) return showMessage(installError, 'Type the name of the module to install, e.g. inventory.');
    showMessage(installError, '');
    const submit = /** @type {HTMLButtonElement} */ (installForm.querySelector('button[type=submit]'));
    submit.disabled = true;
    submit.textContent = 'Installing…';
    const result = await moduleMutations.install(name, {
      version: String(data.get('version') ?? ''),
      licenseKey: String(data.get('licenseKey') ?? ''),
    });
    submit.disabled = false;
    submit.textContent = 'Install';
    if (result.errors?.length) {
      const refusal = describeRefusal(result.errors[0]);
      return showMessage(installError, `${refusal.label}: ${refusal.text}${refusal.code ? ` (${refusal.code})` : ''}`);
    }
    installForm.reset();
    await refresh();
    onChanged();
  });

  byId('modules-refresh').addEventListener('click', () => void refresh({ fresh: true }));

  function clear() {
    modules = [];
    rows.clear();
    replaceChildren(tbody);
    showMessage(status, '');
    showMessage(installError, '');
    installForm.reset();
  }

  /**
   * Shows a live step in the busy row of its module. Only that cell's text changes, so a form
   * someone is typing into elsewhere keeps its focus.
   * @param {{ module: string, step: string, status: string, bytes?: number|null, totalBytes?: number|null }} event
   */
  function showProgress(event) {
    if (event.status !== 'RUNNING') return;
    const cell = tbody.querySelector(`tr.module-row[data-module="${CSS.escape(event.module)}"] .working-text`);
    if (cell) cell.textContent = describeProgress(event);
  }

  return { refresh, clear, showProgress };
}
