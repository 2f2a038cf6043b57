import { h } from '../dom.js';
import { renderChangePlan, upgradeConsent } from './change-plan-view.js';

/**
 * The inline form under a module row for the actions that need input or confirmation.
 * @param {import('./module-row.js').ModuleInfo} module
 * @param {import('./module-row.js').RowState} row
 * @param {import('./module-row.js').RowHandlers} handlers
 * @returns {HTMLElement|null}
 */
export function renderModuleForm(module, row, handlers) {
  switch (row.form) {
    case 'install':
      return installForm(module, row, handlers);
    case 'upgrade':
      return upgradeForm(module, row, handlers);
    case 'disable':
      return disableForm(module, row, handlers);
    case 'uninstall':
      return uninstallForm(module, row, handlers);
    case 'policy':
      return policyForm(module, row, handlers);
    case 'rollback':
      return rollbackForm(module, row, handlers);
    case 'license':
      return licenseForm(module, row, handlers);
    default:
      return null;
  }
}

/** @typedef {import('./module-row.js').ModuleInfo} ModuleInfo */
/** @typedef {import('./module-row.js').RowState} RowState */
/** @typedef {import('./module-row.js').RowHandlers} RowHandlers */

/**
 * The server lists `availableVersions` newest first (semver), so the versions above the installed
 * one are those before it.
 * @param {ModuleInfo} module
 */
function newerVersions(module) {
  const versions = module.availableVersions ?? [];
  const index = module.version ? versions.indexOf(module.version) : -1;
  return index === -1 ? versions.filter((v) => v !== module.version) : versions.slice(0, index);
}

/**
 * @param {ModuleInfo} module @param {string[]} versions @param {RowState} row
 * @param {(version: string) => void} [onPick] called when another version is chosen
 */
function versionSelect(module, versions, row, onPick) {
  const latest = module.latestVersion ? `Latest (${module.latestVersion})` : 'Latest';
  return h(
    'label',
    { className: 'field field-inline' },
    h('span', {}, 'Version'),
    h(
      'select',
      {
        name: 'version',
        // After the form's own change handler kept the draft, so the re-render shows the choice.
        onChange: onPick
          ? (/** @type {Event} */ event) => queueMicrotask(() => onPick(/** @type {HTMLSelectElement} */ (event.target).value))
          : null,
      },
      h('option', { value: '' }, latest),
      versions.map((v) => h('option', { value: v, selected: v === row.draft.version }, v)),
    ),
  );
}

/** @param {boolean} required @param {RowState} row @param {string} [label] */
function licenseField(required, row, label = required ? 'License key' : 'License key (optional)') {
  return h(
    'label',
    { className: 'field field-inline field-grow' },
    h('span', {}, label),
    h('input', {
      name: 'licenseKey',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'paste the key from your vendor',
      value: row.draft.licenseKey,
    }),
  );
}

/** @param {RowState} row @param {Event} event */
function keepDraft(row, event) {
  const form = /** @type {HTMLFormElement} */ (event.currentTarget);
  row.draft = Object.fromEntries([...new FormData(form)].map(([key, value]) => [key, String(value)]));
}

/**
 * @param {string} title @param {Array<HTMLElement|null>} fields @param {string} submitLabel
 * @param {(data: FormData) => void} onSubmit @param {RowState} row @param {RowHandlers} handlers
 * @param {string} [submitClass]
 */
function actionForm(title, fields, submitLabel, onSubmit, row, handlers, submitClass = 'btn-primary') {
  // While the operation runs the form stays (with what was typed) but cannot be sent twice.
  const busyLabel = BUSY_LABELS[submitLabel] ?? 'Working…';
  return h(
    'form',
    {
      className: 'row-form',
      novalidate: true,
      onInput: (/** @type {Event} */ event) => keepDraft(row, event),
      onChange: (/** @type {Event} */ event) => keepDraft(row, event),
      onSubmit: (/** @type {SubmitEvent} */ event) => {
        event.preventDefault();
        onSubmit(new FormData(/** @type {HTMLFormElement} */ (event.currentTarget)));
      },
    },
    h('span', { className: 'inline-form-title' }, title),
    fields,
    h(
      'div',
      { className: 'row-form-buttons' },
      h('button', { type: 'submit', className: `btn ${submitClass}`, disabled: row.busy }, row.busy ? busyLabel : submitLabel),
      cancelButton(handlers, row.busy),
    ),
  );
}

/** @param {RowHandlers} handlers @param {boolean} busy */
function cancelButton(handlers, busy) {
  return h('button', { type: 'button', className: 'btn btn-ghost', disabled: busy, onClick: () => handlers.openForm(null) }, 'Cancel');
}

/** @type {Record<string, string>} */
const BUSY_LABELS = {
  Install: 'Installing…',
  Upgrade: 'Upgrading…',
  Uninstall: 'Uninstalling…',
  'Save license': 'Saving…',
  Disable: 'Disabling…',
  Save: 'Saving…',
  'Roll back': 'Rolling back…',
};

/** @param {FormData} data @param {string} key */
function text(data, key) {
  const value = data.get(key);
  return typeof value === 'string' ? value : '';
}

/** @param {ModuleInfo} module @param {RowState} row @param {RowHandlers} handlers */
function installForm(module, row, handlers) {
  return actionForm(
    `Install ${module.displayName}`,
    [versionSelect(module, module.availableVersions ?? [], row), module.licenseRequired ? licenseField(true, row) : null],
    'Install',
    (data) => handlers.run('install', { version: text(data, 'version'), licenseKey: text(data, 'licenseKey') }),
    row,
    handlers,
  );
}

/** @param {ModuleInfo} module @param {RowState} row @param {RowHandlers} handlers */
function upgradeForm(module, row, handlers) {
  const current = module.version ?? '0.0.0';
  return actionForm(
    `Upgrade ${module.displayName} from ${current}`,
    // Always offered: a newer version may need a license the installed one did not (or a new key).
    [
      versionSelect(module, newerVersions(module), row, (version) => handlers.plan?.('UPGRADE', version)),
      licenseField(
        false,
        row,
        module.licenseRequired ? 'License key (optional: keeps the current one)' : 'License key (if the new version needs one)',
      ),
      renderChangePlan(row.plan),
      upgradeConsent(row.plan, row.draft),
    ],
    'Upgrade',
    (data) =>
      handlers.run('upgrade', {
        version: text(data, 'version'),
        licenseKey: text(data, 'licenseKey'),
        acceptBreakingChanges: data.get('acceptBreakingChanges') === 'on',
        acceptPermissions: text(data, 'acceptPermissions').split(',').filter(Boolean),
      }),
    row,
    handlers,
  );
}

/** @param {ModuleInfo} module @param {RowState} row @param {RowHandlers} handlers */
function uninstallForm(module, row, handlers) {
  return actionForm(
    `Uninstall ${module.displayName}? It stops serving and its files are removed.`,
    [
      h(
        'label',
        { className: 'check' },
        h('input', { type: 'checkbox', name: 'dropData', checked: row.draft.dropData === 'on' }),
        h('span', {}, 'Also delete its data. This cannot be undone.'),
      ),
      renderChangePlan(row.plan),
    ],
    'Uninstall',
    (data) => handlers.run('uninstall', { dropData: data.get('dropData') === 'on' }),
    row,
    handlers,
    'btn-danger',
  );
}

/** @param {ModuleInfo} module @param {RowState} row @param {RowHandlers} handlers */
function licenseForm(module, row, handlers) {
  return actionForm(
    `License for ${module.displayName}`,
    [licenseField(true, row)],
    'Save license',
    (data) => handlers.run('setLicense', { licenseKey: text(data, 'licenseKey') }),
    row,
    handlers,
  );
}

/** @param {ModuleInfo} module @param {RowState} row @param {RowHandlers} handlers */
function disableForm(module, row, handlers) {
  return actionForm(
    `Disable ${module.displayName}? Its fields leave the schema at once; its data stays.`,
    [renderChangePlan(row.plan)],
    'Disable',
    () => handlers.run('disable'),
    row,
    handlers,
    'btn-danger',
  );
}

const POLICIES = [
  ['MANUAL', 'Manual: never on its own'],
  ['PATCH', 'Patch releases (x.y.*)'],
  ['MINOR', 'Minor releases (x.*.*)'],
];

/** @param {ModuleInfo} module @param {RowState} row @param {RowHandlers} handlers */
function policyForm(module, row, handlers) {
  const policy = row.draft.policy ?? module.updatePolicy;
  return actionForm(
    `Automatic updates of ${module.displayName}`,
    [
      h(
        'label',
        { className: 'field field-inline' },
        h('span', {}, 'Apply'),
        h(
          'select',
          { name: 'policy' },
          POLICIES.map(([value, label]) => h('option', { value, selected: value === policy }, label)),
        ),
      ),
      h(
        'label',
        { className: 'field field-inline' },
        h('span', {}, 'Pin (semver range, optional)'),
        h('input', { name: 'pin', placeholder: 'e.g. <2.0.0', value: row.draft.pin ?? module.updatePin ?? '' }),
      ),
      h('p', { className: 'muted small' }, 'Only releases whose plan is clean are applied: no breaking change in use, no new permission.'),
    ],
    'Save',
    (data) => handlers.run('setPolicy', { policy: text(data, 'policy'), pin: text(data, 'pin') }),
    row,
    handlers,
  );
}

/** @param {ModuleInfo} module @param {RowState} row @param {RowHandlers} handlers */
function rollbackForm(module, row, handlers) {
  return actionForm(
    `Roll ${module.displayName} back from ${module.version} to ${module.previousVersion}? Its data returns to how it was before the upgrade.`,
    [
      h(
        'label',
        { className: 'check' },
        h('input', { type: 'checkbox', name: 'discardNewData', checked: row.draft.discardNewData === 'on' }),
        h('span', {}, 'Also if data was written since the upgrade (those writes are lost).'),
      ),
    ],
    'Roll back',
    (data) => handlers.run('rollback', { discardNewData: data.get('discardNewData') === 'on' }),
    row,
    handlers,
    'btn-danger',
  );
}
