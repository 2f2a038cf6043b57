/**
 * What the signed-in user may do, mirroring the API's rules so the page shows only the actions the
 * server would accept (the server still decides: this only hides buttons).
 * @typedef {{ id: string, email: string, role: string }} SignedInUser
 */

/** Module operations (install, upgrade, enable, disable, uninstall, licenses), live operations and the audit log. @param {SignedInUser|null} user */
export function mayOperateModules(user) {
  return user?.role === 'SUPER_ADMIN';
}

/** The users and roles panels. @param {SignedInUser|null} user */
export function mayListUsers(user) {
  return user?.role === 'SUPER_ADMIN' || user?.role === 'ADMIN';
}

/** SUPER_ADMIN manages everyone; ADMIN manages USER accounts only. @param {SignedInUser|null} user @param {{ role: string }} target */
export function mayManage(user, target) {
  if (user?.role === 'SUPER_ADMIN') return true;
  return user?.role === 'ADMIN' && target.role === 'USER';
}

/** Roles a signed-in user may give when creating a user. @param {SignedInUser|null} user */
export function assignableRoles(user) {
  return user?.role === 'SUPER_ADMIN' ? ['USER', 'ADMIN', 'SUPER_ADMIN'] : ['USER'];
}
