import { compareVersions } from '../compare-versions.js';
import { h } from '../dom.js';

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
      return installForm(module, handlers);
    case 'upgrade':
      return upgradeForm(module, handlers);
    case 'uninstall':
      return uninstallForm(module, handlers);
    case 'license':
      return licenseForm(module, handlers);
    default:
      return null;
  }
}

/** @param {import('./module-row.js').ModuleInfo} module @param {(v: string) => boolean} keep */
function versionSelect(module, keep) {
  const versions = [...(module.availableVersions ?? [])].filter(keep).sort((a, b) => compareVersions(b, a));
  const latest = module.latestVersion ? `Latest (${module.latestVersion})` : 'Latest';
  return h(
    'label',
    { className: 'field field-inline' },
    h('span', {}, 'Version'),
    h(
      'select',
      { name: 'version' },
      h('option', { value: '' }, latest),
      versions.map((v) => h('option', { value: v }, v)),
    ),
  );
}

/** @param {boolean} required */
function licenseField(required) {
  return h(
    'label',
    { className: 'field field-inline field-grow' },
    h('span', {}, required ? 'License key' : 'License key (optional)'),
    h('input', { name: 'licenseKey', autocomplete: 'off', spellcheck: 'false', placeholder: 'paste the key from your vendor' }),
  );
}

/**
 * @param {string} title @param {HTMLElement[]} fields @param {string} submitLabel
 * @param {(data: FormData) => void} onSubmit @param {import('./module-row.js').RowHandlers} handlers
 * @param {string} [submitClass]
 */
function actionForm(title, fields, submitLabel, onSubmit, handlers, submitClass = 'btn-primary') {
  return h(
    'form',
    {
      className: 'row-form',
      novalidate: true,
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
      h('button', { type: 'submit', className: `btn ${submitClass}` }, submitLabel),
      cancelButton(handlers),
    ),
  );
}

/** @param {import('./module-row.js').RowHandlers} handlers */
function cancelButton(handlers) {
  return h('button', { type: 'button', className: 'btn btn-ghost', onClick: () => handlers.openForm(null) }, 'Cancel');
}

/** @param {FormData} data @param {string} key */
function text(data, key) {
  const value = data.get(key);
  return typeof value === 'string' ? value : '';
}

/** @param {import('./module-row.js').ModuleInfo} module @param {import('./module-row.js').RowHandlers} handlers */
function installForm(module, handlers) {
  return actionForm(
    `Install ${module.displayName}`,
    [versionSelect(module, () => true), module.licenseRequired ? licenseField(true) : null].filter((x) => x !== null),
    'Install',
    (data) => handlers.run('install', { version: text(data, 'version'), licenseKey: text(data, 'licenseKey') }),
    handlers,
  );
}

/** @param {import('./module-row.js').ModuleInfo} module @param {import('./module-row.js').RowHandlers} handlers */
function upgradeForm(module, handlers) {
  const current = module.version ?? '0.0.0';
  return actionForm(
    `Upgrade ${module.displayName} from ${current}`,
    [versionSelect(module, (v) => compareVersions(v, current) > 0), module.licenseRequired ? licenseField(false) : null].filter(
      (x) => x !== null,
    ),
    'Upgrade',
    (data) => handlers.run('upgrade', { version: text(data, 'version'), licenseKey: text(data, 'licenseKey') }),
    handlers,
  );
}

/** @param {import('./module-row.js').ModuleInfo} module @param {import('./module-row.js').RowHandlers} handlers */
function uninstallForm(module, handlers) {
  return actionForm(
    `Uninstall ${module.displayName}? It stops serving and its files are removed.`,
    [
      h(
        'label',
        { className: 'check' },
        h('input', { type: 'checkbox', name: 'dropData' }),
        h('span', {}, 'Also delete its data. This cannot be undone.'),
      ),
    ],
    'Uninstall',
    (data) => handlers.run('uninstall', { dropData: data.get('dropData') === 'on' }),
    handlers,
    'btn-danger',
  );
}

/** @param {import('./module-row.js').ModuleInfo} module @param {import('./module-row.js').RowHandlers} handlers */
function licenseForm(module, handlers) {
  return actionForm(
    `License for ${module.displayName}`,
    [licenseField(true)],
    'Save license',
    (data) => handlers.run('setLicense', { licenseKey: text(data, 'licenseKey') }),
    handlers,
  );
}
