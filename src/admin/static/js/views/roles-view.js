import { byId, h, replaceChildren, showMessage } from '../dom.js';
import { describeErrors, graphql } from '../graphql-client.js';

const EDITABLE_ROLES = ['ADMIN', 'USER'];

/**
 * The roles panel: a matrix of every declared permission (grouped by module) × ADMIN / USER. A
 * SUPER_ADMIN ticks a box to change that role (`setRolePermissions` with the whole new list); an
 * ADMIN sees it read-only.
 * @param {{ me: () => { role: string } | null, onChanged: () => void }} options
 */
export function createRolesView({ me, onChanged }) {
  const table = byId('roles-table');
  const status = byId('roles-status');
  /** @type {Array<{ name: string, module: string }>} */
  let permissions = [];
  /** @type {Record<string, string[]>} */
  let byRole = {};

  async function refresh() {
    const result = await graphql('query AdminRoles { permissions { name module } rolePermissions { role permissions } }');
    if (result.errors?.length || !result.data) {
      status.classList.add('is-error');
      showMessage(status, `Could not load roles. ${describeErrors(result.errors)}`);
      return replaceChildren(table);
    }
    status.classList.remove('is-error');
    showMessage(status, '');
    permissions = result.data.permissions;
    byRole = Object.fromEntries(
      result.data.rolePermissions.map((/** @type {{ role: string, permissions: string[] }} */ r) => [r.role, r.permissions]),
    );
    render();
  }

  /** @param {string} role @param {string} permission @param {boolean} held */
  async function toggle(role, permission, held) {
    const current = new Set(byRole[role] ?? []);
    if (held) current.add(permission);
    else current.delete(permission);
    const result = await graphql(
      'mutation AdminSetRole($role: Role!, $p: [String!]!) { setRolePermissions(role: $role, permissions: $p) { role permissions } }',
      {
        role,
        p: [...current].sort(),
      },
    );
    if (!result.errors?.length) onChanged();
    await refresh();
    status.classList.toggle('is-error', Boolean(result.errors?.length));
    showMessage(
      status,
      result.errors?.length ? describeErrors(result.errors) : `${role} ${held ? 'now holds' : 'no longer holds'} ${permission}.`,
    );
  }

  function render() {
    const editable = me()?.role === 'SUPER_ADMIN';
    const modules = [...new Set(permissions.map((p) => p.module))].sort();
    replaceChildren(
      table,
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Permission'),
          EDITABLE_ROLES.map((role) => h('th', { scope: 'col' }, role)),
        ),
      ),
      h(
        'tbody',
        {},
        permissions.length === 0
          ? h('tr', {}, h('td', { colspan: 3, className: 'empty' }, 'No installed module declares permissions.'))
          : modules.flatMap((module) => [
              h('tr', { className: 'module-group' }, h('th', { colspan: 3, scope: 'rowgroup' }, h('code', {}, module))),
              ...permissions
                .filter((p) => p.module === module)
                .map((p) =>
                  h(
                    'tr',
                    { 'data-permission': p.name },
                    h('td', {}, h('code', {}, p.name)),
                    EDITABLE_ROLES.map((role) =>
                      h(
                        'td',
                        {},
                        h('input', {
                          type: 'checkbox',
                          checked: (byRole[role] ?? []).includes(p.name),
                          disabled: !editable,
                          'aria-label': `${role} holds ${p.name}`,
                          onChange: (/** @type {Event} */ event) =>
                            void toggle(role, p.name, /** @type {HTMLInputElement} */ (event.target).checked),
                        }),
                      ),
                    ),
                  ),
                ),
            ]),
      ),
    );
  }

  byId('roles-refresh').addEventListener('click', () => void refresh());

  function clear() {
    permissions = [];
    byRole = {};
    replaceChildren(table);
    showMessage(status, '');
  }

  return { refresh, clear };
}
