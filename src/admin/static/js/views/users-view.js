import { byId, formatDateTime, h, replaceChildren, showMessage } from '../dom.js';
import { describeErrors, graphql } from '../graphql-client.js';
import { mayManage } from '../permissions-of.js';

const ROLE_LABELS = { SUPER_ADMIN: 'Super admin', ADMIN: 'Admin', USER: 'User' };
const USER_FIELDS = 'id email role createdAt permissions grants disabled lastLoginAt';

/** @param {string} role */
export function roleLabel(role) {
  return ROLE_LABELS[/** @type {keyof typeof ROLE_LABELS} */ (role)] ?? role;
}

/**
 * @typedef {{ id: string, email: string, role: string, createdAt: string, permissions: string[], grants: string[], disabled: boolean, lastLoginAt: string|null }} UserRow
 * @typedef {{ id: string, email: string, role: string }} SignedInUser
 * @typedef {{ name: string, module: string }} PermissionInfo
 * @typedef {{ form: 'grant'|'password'|'delete'|null, error: string, notice: string }} RowState
 */

/** `{ farm_manager: ['farm.view', …] }` for the permissions a user holds. @param {string[]} names @param {PermissionInfo[]} catalog */
function groupByModule(names, catalog) {
  const moduleOf = new Map(catalog.map((p) => [p.name, p.module]));
  /** @type {Map<string, string[]>} */
  const groups = new Map();
  for (const name of names) {
    const module = moduleOf.get(name) ?? 'other';
    groups.set(module, [...(groups.get(module) ?? []), name]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The users panel: every user with role, status and effective permissions grouped by module, and
 * the actions the signed-in user may take on each (the API decides; the page only hides what it
 * would refuse): grant/revoke, disable/enable, reset password, delete with confirmation.
 * @param {{ me: () => SignedInUser | null, onChanged: () => void }} options
 */
export function createUsersView({ me, onChanged }) {
  const tbody = /** @type {HTMLTableSectionElement} */ (byId('users-table').querySelector('tbody'));
  const status = byId('users-status');
  const form = /** @type {HTMLFormElement} */ (byId('create-user'));
  const formError = byId('create-user-error');
  const formDone = byId('create-user-done');
  /** @type {UserRow[]} */
  let users = [];
  /** @type {PermissionInfo[]} */
  let catalog = [];
  /** @type {Map<string, RowState>} */
  const rows = new Map();

  /** @param {string} id */
  const rowState = (id) => {
    if (!rows.has(id)) rows.set(id, { form: null, error: '', notice: '' });
    return /** @type {RowState} */ (rows.get(id));
  };

  async function refresh() {
    const result = await graphql(`query AdminUsers { users { ${USER_FIELDS} } permissions { name module } }`);
    if (result.errors?.length || !result.data?.users) {
      status.classList.add('is-error');
      showMessage(status, `Could not load users. ${describeErrors(result.errors)}`);
      replaceChildren(tbody);
      return;
    }
    showMessage(status, '');
    users = result.data.users;
    catalog = result.data.permissions;
    render();
  }

  /**
   * Runs a mutation for one row and shows its outcome there.
   * @param {UserRow} user @param {string} query @param {Record<string, unknown>} variables @param {string} notice
   */
  async function act(user, query, variables, notice) {
    const row = rowState(user.id);
    const result = await graphql(query, variables);
    if (result.errors?.length) {
      Object.assign(row, { error: describeErrors(result.errors), notice: '' });
      return render();
    }
    Object.assign(row, { form: null, error: '', notice });
    onChanged();
    await refresh();
  }

  /** @param {UserRow} user */
  function permissionsCell(user) {
    if (user.role === 'SUPER_ADMIN') return h('span', { className: 'muted' }, 'Every permission');
    if (user.permissions.length === 0) return h('span', { className: 'muted' }, 'None');
    const canRevoke = mayManage(me(), user);
    return h(
      'ul',
      { className: 'deps user-permissions' },
      groupByModule(user.permissions, catalog).map(([module, names]) =>
        h(
          'li',
          { 'data-module': module },
          h('code', { className: 'muted' }, module),
          ' ',
          names.map((name) => {
            const granted = user.grants.includes(name);
            return h(
              'span',
              {
                className: `badge ${granted ? 'state-enabled' : 'badge-neutral'}`,
                'data-permission': name,
                title: granted ? 'Granted to this user' : 'From the role',
              },
              name,
              granted && canRevoke
                ? h(
                    'button',
                    {
                      type: 'button',
                      className: 'btn btn-small btn-ghost',
                      'aria-label': `Revoke ${name} from ${user.email}`,
                      onClick: () =>
                        void act(
                          user,
                          `mutation AdminRevoke($id: ID!, $p: [String!]!) { revokePermissions(userId: $id, permissions: $p) { id } }`,
                          { id: user.id, p: [name] },
                          `Revoked ${name}.`,
                        ),
                    },
                    '×',
                  )
                : null,
            );
          }),
        ),
      ),
    );
  }

  /** @param {UserRow} user */
  function rowForm(user) {
    const row = rowState(user.id);
    const cancel = h('button', { type: 'button', className: 'btn btn-small btn-ghost', onClick: () => open(user, null) }, 'Cancel');
    if (row.form === 'grant') {
      const choices = catalog.filter((p) => !user.permissions.includes(p.name));
      const select = h(
        'select',
        { name: 'permission', 'aria-label': `Permission to grant ${user.email}` },
        choices.map((p) => h('option', { value: p.name }, `${p.name} (${p.module})`)),
      );
      const grant = () =>
        void act(
          user,
          `mutation AdminGrant($id: ID!, $p: [String!]!) { grantPermissions(userId: $id, permissions: $p) { id } }`,
          { id: user.id, p: [/** @type {HTMLSelectElement} */ (select).value] },
          `Granted ${/** @type {HTMLSelectElement} */ (select).value}.`,
        );
      return h(
        'div',
        { className: 'row-form' },
        choices.length ? select : h('span', { className: 'muted' }, 'This user holds every permission.'),
        choices.length ? h('button', { type: 'button', className: 'btn btn-small btn-primary', onClick: grant }, 'Grant') : null,
        cancel,
      );
    }
    if (row.form === 'password') {
      const input = h('input', {
        type: 'password',
        name: 'password',
        autocomplete: 'new-password',
        'aria-label': `New password for ${user.email}`,
        placeholder: '10+ characters, hard to guess',
      });
      const save = () =>
        void act(
          user,
          'mutation AdminSetPassword($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) }',
          { id: user.id, p: /** @type {HTMLInputElement} */ (input).value },
          'Password set; their earlier sessions ended.',
        );
      return h(
        'div',
        { className: 'row-form' },
        input,
        h('button', { type: 'button', className: 'btn btn-small btn-primary', onClick: save }, 'Set password'),
        cancel,
      );
    }
    if (row.form === 'delete') {
      const remove = () => void act(user, 'mutation AdminDeleteUser($id: ID!) { deleteUser(id: $id) }', { id: user.id }, 'Deleted.');
      return h(
        'div',
        { className: 'row-form' },
        h('span', {}, `Delete ${user.email}? This cannot be undone.`),
        h('button', { type: 'button', className: 'btn btn-small btn-danger', onClick: remove }, 'Delete user'),
        cancel,
      );
    }
    return null;
  }

  /** @param {UserRow} user @param {RowState['form']} kind */
  function open(user, kind) {
    Object.assign(rowState(user.id), { form: kind, error: '', notice: '' });
    render();
  }

  /** @param {UserRow} user */
  function actions(user) {
    const signedIn = me();
    if (!mayManage(signedIn, user)) return null;
    /** @param {string} label @param {() => void} onClick @param {string} [kind] */
    const button = (label, onClick, kind = '') =>
      h('button', { type: 'button', className: `btn btn-small ${kind}`.trim(), onClick, 'aria-label': `${label} ${user.email}` }, label);
    const toggle = user.disabled
      ? button('Enable', () => void act(user, UPDATE, { id: user.id, input: { disabled: false } }, 'Enabled.'), 'btn-primary')
      : button('Disable', () => void act(user, UPDATE, { id: user.id, input: { disabled: true } }, 'Disabled: their sessions ended.'));
    return h(
      'div',
      { className: 'actions' },
      user.role === 'SUPER_ADMIN' ? null : button('Grant', () => open(user, 'grant')),
      user.id === signedIn?.id ? null : toggle,
      button('Reset password', () => open(user, 'password')),
      signedIn?.role === 'SUPER_ADMIN' && user.id !== signedIn.id ? button('Delete', () => open(user, 'delete'), 'btn-danger-ghost') : null,
    );
  }

  function render() {
    if (users.length === 0) return replaceChildren(tbody, h('tr', {}, h('td', { colspan: 5, className: 'empty' }, 'No users.')));
    replaceChildren(
      tbody,
      [...users]
        .sort((a, b) => a.email.localeCompare(b.email))
        .flatMap((user) => {
          const row = rowState(user.id);
          const form = rowForm(user);
          return [
            h(
              'tr',
              { 'data-user': user.email },
              h('td', {}, user.email, h('div', { className: 'muted small' }, `since ${formatDateTime(user.createdAt)}`)),
              h('td', {}, h('span', { className: `badge role-${user.role.toLowerCase()}` }, roleLabel(user.role))),
              h(
                'td',
                { className: 'col-status' },
                h(
                  'span',
                  { className: `badge ${user.disabled ? 'state-failed' : 'state-enabled'}` },
                  user.disabled ? 'Disabled' : 'Active',
                ),
                h(
                  'div',
                  { className: 'muted small' },
                  user.lastLoginAt ? `last sign-in ${formatDateTime(user.lastLoginAt)}` : 'never signed in',
                ),
              ),
              h('td', { className: 'col-permissions' }, permissionsCell(user)),
              h('td', { className: 'col-actions' }, actions(user)),
            ),
            form || row.error || row.notice
              ? h(
                  'tr',
                  { className: 'row-detail', 'data-user-detail': user.email },
                  h(
                    'td',
                    { colspan: 5 },
                    form,
                    row.error ? h('p', { className: 'row-error', role: 'alert' }, row.error) : null,
                    row.notice ? h('p', { className: 'row-notice', role: 'status' }, row.notice) : null,
                  ),
                )
              : null,
          ];
        }),
    );
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    showMessage(formDone, '');
    if (!email || !password) return showMessage(formError, 'Fill in the email and a password for the new user.');
    showMessage(formError, '');
    const result = await graphql(
      'mutation AdminCreateUser($email: String!, $password: String!, $role: Role!) { createUser(email: $email, password: $password, role: $role) { id email role } }',
      { email, password, role: String(data.get('role') ?? 'USER') },
    );
    if (result.errors?.length) return showMessage(formError, describeErrors(result.errors));
    form.reset();
    showMessage(formDone, `Created ${result.data.createUser.email} (${roleLabel(result.data.createUser.role)}).`);
    onChanged();
    await refresh();
  });

  byId('users-refresh').addEventListener('click', () => void refresh());

  function clear() {
    users = [];
    rows.clear();
    replaceChildren(tbody);
    form.reset();
    showMessage(formError, '');
    showMessage(formDone, '');
    showMessage(status, '');
  }

  return { refresh, clear };
}

const UPDATE = 'mutation AdminUpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }';
