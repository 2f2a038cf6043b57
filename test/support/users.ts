import { errorCode } from './graphql-client.js';
import type { TestPlatform } from './start-test-platform.js';

export const USER_FIELDS = 'id email role permissions grants disabled lastLoginAt';

export interface UserView {
  id: string;
  email: string;
  role: string;
  permissions: string[];
  grants: string[];
  disabled: boolean;
  lastLoginAt: string | null;
}

/** Creates a user through GraphQL as `token`'s user; throws with the errors when refused. */
export async function createUser(
  platform: TestPlatform,
  token: string,
  email: string,
  role = 'USER',
  password = `${email.split('@')[0]}-Passw0rd!`,
) {
  const created = await platform.gql<{ createUser: UserView }>(
    `mutation($e:String!,$p:String!,$r:Role!){ createUser(email:$e, password:$p, role:$r){ ${USER_FIELDS} } }`,
    { e: email, p: password, r: role },
    token,
  );
  if (!created.data) throw new Error(`createUser failed: ${JSON.stringify(created.errors)}`);
  return { ...created.data.createUser, password };
}

/** Signs in; throws with the error code when refused. */
export async function login(platform: TestPlatform, email: string, password: string): Promise<string> {
  const response = await platform.gql<{ login: { token: string } }>(
    'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }',
    { e: email, p: password },
  );
  if (!response.data) throw new Error(`login failed: ${String(errorCode(response))} ${response.errors?.[0]?.message}`);
  return response.data.login.token;
}

export const GRANT = `mutation($u:ID!,$p:[String!]!){ grantPermissions(userId:$u, permissions:$p){ ${USER_FIELDS} } }`;
export const REVOKE = `mutation($u:ID!,$p:[String!]!){ revokePermissions(userId:$u, permissions:$p){ ${USER_FIELDS} } }`;
export const UPDATE = `mutation($id:ID!,$i:UpdateUserInput!){ updateUser(id:$id, input:$i){ ${USER_FIELDS} } }`;
export const DELETE = 'mutation($id:ID!){ deleteUser(id:$id) }';
export const SET_ROLE = 'mutation($r:Role!,$p:[String!]!){ setRolePermissions(role:$r, permissions:$p){ role permissions } }';
export const SET_PASSWORD = 'mutation($id:ID!,$p:String!){ setUserPassword(id:$id, password:$p) }';
export const CHANGE_PASSWORD = 'mutation($c:String!,$n:String!){ changePassword(currentPassword:$c, newPassword:$n) }';
export const FARMS = '{ farms { totalCount } }';

/** The newest audit entries (as the bootstrap SUPER_ADMIN). */
export async function auditEntries(platform: TestPlatform, limit = 20) {
  const page = await platform.gql<{
    auditLog: { entries: Array<{ actor: string; action: string; outcome: string; details: Record<string, unknown> }> };
  }>('query($l:Int){ auditLog(limit:$l){ entries { actor action outcome details } } }', { l: limit }, await platform.adminToken());
  return page.data!.auditLog.entries;
}
