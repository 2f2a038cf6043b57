import { byId, showMessage } from './dom.js';
import { graphql, setSessionEndedHandler } from './graphql-client.js';
import { assignableRoles, mayListUsers, mayOperateModules } from './permissions-of.js';
import { readToken, writeToken } from './session.js';
import { createAuditView } from './views/audit-view.js';
import { createModulesView } from './views/modules-view.js';
import { createOperationsView } from './views/operations-view.js';
import { createPlatformView } from './views/platform-view.js';
import { createRolesView } from './views/roles-view.js';
import { createUsersView, roleLabel } from './views/users-view.js';

/** @typedef {{ id: string, email: string, role: string }} SignedInUser */

const loginView = byId('login-view');
const appView = byId('app-view');
const loginForm = /** @type {HTMLFormElement} */ (byId('login-form'));
const loginError = byId('login-error');

/** @type {SignedInUser | null} */
let signedIn = null;
const me = () => signedIn;

const platformView = createPlatformView();
const usersView = createUsersView({ me, onChanged: () => refreshAfterChange() });
const rolesView = createRolesView({ me, onChanged: () => void usersView.refresh() });
const auditView = createAuditView();
const modulesView = createModulesView({ onChanged: refreshAfterChange, canManage: () => mayOperateModules(signedIn) });
const operationsView = createOperationsView({
  onEvent: (event) => modulesView.showProgress(event),
  onFinished: () => {
    void modulesView.refresh({ unlessEditing: true });
    refreshAfterChange();
  },
});

/** Something changed: the schema version and the audit log moved on too. */
function refreshAfterChange() {
  void platformView.refresh();
  if (mayOperateModules(signedIn)) void auditView.refresh();
}

/**
 * Shows only what the signed-in user's role may use: module operations, live operations and the
 * audit log are SUPER_ADMIN's; users and roles ADMIN's too. The API refuses the rest anyway.
 */
function applyRole() {
  const operator = mayOperateModules(signedIn);
  byId('install-by-name').hidden = !operator;
  byId('operations-panel').hidden = !operator;
  byId('audit-panel').hidden = !operator;
  byId('users-panel').hidden = !mayListUsers(signedIn);
  byId('roles-panel').hidden = !mayListUsers(signedIn);
  const roles = assignableRoles(signedIn);
  for (const option of /** @type {HTMLSelectElement} */ (byId('create-user').querySelector('select[name=role]')).options) {
    option.hidden = !roles.includes(option.value);
    option.disabled = !roles.includes(option.value);
  }
}

/** @param {SignedInUser} user */
function enterApp(user) {
  loginView.hidden = true;
  appView.hidden = false;
  byId('user-email').textContent = user.email;
  byId('user-role').textContent = roleLabel(user.role);
  signedIn = user;
  applyRole();
  void platformView.refresh();
  void modulesView.refresh();
  if (mayListUsers(user)) {
    void usersView.refresh();
    void rolesView.refresh();
  }
  if (mayOperateModules(user)) {
    void auditView.refresh();
    operationsView.start();
  }
  // Sign-in came from a form that is now hidden: put the keyboard at the start of the work area.
  byId('modules-title').focus();
}

/** @param {string} [message] why the user is back at the sign-in form */
function showLogin(message) {
  operationsView.stop();
  signedIn = null;
  for (const view of [platformView, modulesView, usersView, rolesView, auditView]) view.clear();
  appView.hidden = true;
  loginView.hidden = false;
  showMessage(loginError, message);
  /** @type {HTMLInputElement} */ (loginForm.elements.namedItem('email')).focus();
}

/** @param {string} [message] */
function signOut(message) {
  writeToken(null);
  showLogin(message);
}

loginForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(loginForm);
  const email = String(data.get('email') ?? '').trim();
  const password = String(data.get('password') ?? '');
  if (!email || !password) return showMessage(loginError, 'Type your email and password.');
  const submit = /** @type {HTMLButtonElement} */ (loginForm.querySelector('button[type=submit]'));
  submit.disabled = true;
  const result = await graphql(
    'mutation AdminLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id email role } } }',
    { email, password },
  );
  submit.disabled = false;
  const login = result.data?.login;
  if (!login) return showMessage(loginError, result.errors?.[0]?.message ?? 'Sign-in failed; the server gave no reason.');
  writeToken(login.token);
  loginForm.reset();
  showMessage(loginError, '');
  enterApp(login.user);
});

byId('sign-out').addEventListener('click', () => signOut());
setSessionEndedHandler(() => {
  if (!appView.hidden) signOut('Your session has ended. Sign in again.');
});

/** On load: reuse this tab's token if the server still accepts it. */
async function boot() {
  if (!readToken()) return showLogin();
  const result = await graphql('query AdminMe { me { id email role } }');
  if (result.data?.me) enterApp(result.data.me);
  else signOut(result.errors?.length ? 'Your session has ended. Sign in again.' : undefined);
}

void boot();
