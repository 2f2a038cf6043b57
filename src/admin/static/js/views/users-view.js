import { byId, formatDateTime, h, replaceChildren, showMessage } from '../dom.js';
import { describeErrors, graphql } from '../graphql-client.js';

const ROLE_LABELS = { SUPER_ADMIN: 'Super admin', ADMIN: 'Admin', USER: 'User' };

/** @param {string} role */
export function roleLabel(role) {
  return ROLE_LABELS[/** @type {keyof typeof ROLE_LABELS} */ (role)] ?? role;
}

/** The users panel: the list of users and a form to create one. */
export function createUsersView() {
  const tbody = /** @type {HTMLTableSectionElement} */ (byId('users-table').querySelector('tbody'));
  const status = byId('users-status');
  const form = /** @type {HTMLFormElement} */ (byId('create-user'));
  const formError = byId('create-user-error');
  const formDone = byId('create-user-done');

  async function refresh() {
    const result = await graphql('query AdminUsers { users { id email role createdAt } }');
    if (result.errors?.length || !result.data?.users) {
      status.classList.add('is-error');
      showMessage(status, `Could not load users. ${describeErrors(result.errors)}`);
      replaceChildren(tbody);
      return;
    }
    showMessage(status, '');
    /** @type {Array<{ id: string, email: string, role: string, createdAt: string }>} */
    const users = result.data.users;
    replaceChildren(
      tbody,
      users.length === 0
        ? h('tr', {}, h('td', { colspan: 3, className: 'empty' }, 'No users.'))
        : [...users]
            .sort((a, b) => a.email.localeCompare(b.email))
            .map((user) =>
              h(
                'tr',
                { 'data-user': user.email },
                h('td', {}, user.email),
                h('td', {}, h('span', { className: `badge role-${user.role.toLowerCase()}` }, roleLabel(user.role))),
                h('td', { className: 'muted nowrap' }, formatDateTime(user.createdAt)),
              ),
            ),
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
    await refresh();
  });

  byId('users-refresh').addEventListener('click', () => void refresh());

  function clear() {
    replaceChildren(tbody);
    form.reset();
    showMessage(formError, '');
    showMessage(formDone, '');
    showMessage(status, '');
  }

  return { refresh, clear };
}
