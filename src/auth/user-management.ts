import { z } from 'zod';
import { badInputFromZod, isPlatformError, platformError } from '../errors/index.js';
import { assertAdmin, assertMayManage, assertNotLastSuperAdmin, assertSuperAdmin } from './access-rules.js';
import { type AuthService, PermissionName } from './auth-service.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { MAX_PASSWORD_LENGTH, passwordSchema } from './password-policy.js';
import { assertSeats, type RoleTable, type SeatLimit } from './seat-check.js';
import type { AuthUser, Role } from './types.js';
import type { StoredUser } from './users-repository.js';

/** What the module runtime tells access control: declared permissions and PER_USER seat limits. */
export interface PermissionCatalog {
  /** Every permission that an installed module (enabled or not) declares. */
  declared(): Array<{ name: string; module: string }>;
  seatLimits(): SeatLimit[];
}

export interface AuditSink {
  append(entry: { actor: string; action: string; module: null; outcome: string; details: Record<string, unknown> }): Promise<unknown>;
}

const PermissionList = z.array(PermissionName).max(1000, 'at most 1000 permissions at once');
const MAX_ID = 200;

/**
 * Every act on users and role permissions: the rules of who may do what (see access-rules.ts),
 * PER_USER seat limits, and one audit entry per act (who, whom, what; never a password),
 * refused acts included.
 */
export function createUserManagement(deps: { auth: AuthService; catalog: PermissionCatalog; audit: AuditSink }) {
  const { auth, catalog, audit } = deps;
  const { users, roles } = auth;
  const declaredNames = () => [...new Set(catalog.declared().map((p) => p.name))];

  async function audited<T>(actor: AuthUser, action: string, details: Record<string, unknown>, act: () => Promise<T>): Promise<T> {
    // Without undefined fields: MongoDB would store them as null and the entry's hash would no longer match.
    const append = (outcome: string) =>
      audit.append({ actor: actor.email, action, module: null, outcome, details: JSON.parse(JSON.stringify(details)) });
    try {
      const result = await act();
      await append('SUCCEEDED');
      return result;
    } catch (error) {
      await append(`FAILED:${isPlatformError(error) ? error.code : 'INTERNAL'}`);
      throw error;
    }
  }

  async function target(id: string): Promise<StoredUser> {
    const user = id.length <= MAX_ID ? await users.findById(id) : null;
    if (!user)
      throw platformError('BAD_USER_INPUT', `No user has the id "${id.slice(0, MAX_ID)}"; list them with users.`, {
        details: { field: 'id' },
      });
    return user;
  }

  function parseList(permissions: readonly string[]): string[] {
    const parsed = PermissionList.safeParse(permissions);
    if (!parsed.success) throw badInputFromZod(parsed.error);
    return parsed.data;
  }

  function parsePermissions(permissions: readonly string[]): string[] {
    const names = parseList(permissions);
    const declared = new Set(declaredNames());
    const unknown = names.filter((permission) => !declared.has(permission));
    if (unknown.length > 0) {
      throw platformError(
        'BAD_USER_INPUT',
        `No installed module declares ${unknown.map((p) => `"${p}"`).join(', ')}; see the permissions query.`,
        {
          details: { field: 'permissions', permissions: unknown },
        },
      );
    }
    return [...new Set(names)];
  }

  function parsePassword(password: string, email: string): string {
    if (password.length > MAX_PASSWORD_LENGTH)
      throw platformError('BAD_USER_INPUT', `password: must be at most ${MAX_PASSWORD_LENGTH} characters`, {
        details: { field: 'password' },
      });
    const parsed = passwordSchema(() => [email]).safeParse(password);
    if (!parsed.success)
      throw platformError('BAD_USER_INPUT', `password: ${parsed.error.issues[0]?.message}`, { details: { field: 'password' } });
    return parsed.data;
  }

  async function roleTable(): Promise<RoleTable> {
    return { ADMIN: await roles.get('ADMIN'), USER: await roles.get('USER') };
  }

  /** Seat check for a change to one user (`changed`) or to the role table. */
  async function checkSeats(change: { user?: StoredUser; roles?: RoleTable }): Promise<void> {
    const limits = catalog.seatLimits();
    if (limits.length === 0) return;
    const all = await users.list();
    const table = await roleTable();
    const after = change.user ? all.map((u) => (u.id === change.user!.id ? change.user! : u)) : all;
    assertSeats(limits, declaredNames(), { users: all, roles: table }, { users: after, roles: change.roles ?? table });
  }

  const view = (user: StoredUser) => auth.withPermissions(user, declaredNames());
  const enabledSuperAdmins = () => users.count({ role: 'SUPER_ADMIN', disabled: false });

  return {
    view,
    /** For the CLI: the user with this email, or BAD_USER_INPUT. */
    async findByEmail(email: string): Promise<StoredUser> {
      const doc = email.length <= 254 ? await users.findCredentials(email) : null;
      const user = doc ? await users.findById(doc._id) : null;
      if (!user) throw platformError('BAD_USER_INPUT', `No user has the email ${email.slice(0, 254)}.`, { details: { field: 'email' } });
      return user;
    },
    async list(actor: AuthUser) {
      assertAdmin(actor);
      // One read of the role table for the whole list, not one per user.
      const [table, declared] = [await roleTable(), declaredNames()];
      return Promise.all(
        (await users.list()).map((user) => auth.withPermissions(user, declared, user.role === 'SUPER_ADMIN' ? null : table[user.role])),
      );
    },
    async get(actor: AuthUser, id: string) {
      assertAdmin(actor);
      const user = id.length <= MAX_ID ? await users.findById(id) : null;
      return user ? view(user) : null;
    },
    createUser(actor: AuthUser, input: { email: string; password: string; role: Role }) {
      return audited(actor, 'user.create', { target: input.email.slice(0, 254), role: input.role }, async () => {
        assertMayManage(actor, { role: input.role, email: input.email.slice(0, 254) });
        return view(await auth.createUser(input));
      });
    },
    async updateUser(actor: AuthUser, id: string, input: { role?: Role | null; disabled?: boolean | null }) {
      const role = input.role ?? undefined;
      const disabled = input.disabled ?? undefined;
      const details: Record<string, unknown> = { targetId: id.slice(0, MAX_ID), role, disabled };
      return audited(actor, 'user.update', details, async () => {
        assertAdmin(actor);
        const user = await target(id);
        details.target = user.email;
        details.from = { role: user.role, disabled: user.disabled };
        assertMayManage(actor, user, role);
        if ((role !== undefined && role !== 'SUPER_ADMIN') || disabled === true) {
          assertNotLastSuperAdmin(user, await enabledSuperAdmins(), role !== undefined && role !== 'SUPER_ADMIN' ? 'demoted' : 'disabled');
        }
        await checkSeats({ user: { ...user, role: role ?? user.role, disabled: disabled ?? user.disabled } });
        return view((await users.update(user.id, { role, disabled }))!);
      });
    },
    async deleteUser(actor: AuthUser, id: string) {
      const details: Record<string, unknown> = { targetId: id.slice(0, MAX_ID) };
      return audited(actor, 'user.delete', details, async () => {
        assertSuperAdmin(actor, 'delete users');
        const user = await target(id);
        details.target = user.email;
        details.role = user.role;
        if (user.id === actor.id)
          throw platformError('BAD_USER_INPUT', 'You cannot delete your own account.', { details: { field: 'id' } });
        assertNotLastSuperAdmin(user, await enabledSuperAdmins(), 'deleted');
        return users.remove(user.id);
      });
    },
    async grant(actor: AuthUser, userId: string, permissions: readonly string[], mode: 'grant' | 'revoke') {
      const details: Record<string, unknown> = {
        targetId: userId.slice(0, MAX_ID),
        permissions: permissions.slice(0, 50).map((p) => p.slice(0, 200)),
      };
      return audited(actor, `user.${mode}`, details, async () => {
        assertAdmin(actor);
        const user = await target(userId);
        details.target = user.email;
        assertMayManage(actor, user);
        const names = mode === 'grant' ? parsePermissions(permissions) : parseList(permissions);
        if (mode === 'grant' && user.role === 'SUPER_ADMIN') {
          throw platformError('BAD_USER_INPUT', `${user.email} is a SUPER_ADMIN and holds every permission already.`, {
            details: { field: 'userId' },
          });
        }
        const gone = new Set(names);
        const grants = mode === 'grant' ? [...new Set([...user.grants, ...names])] : user.grants.filter((p) => !gone.has(p));
        if (mode === 'grant') await checkSeats({ user: { ...user, grants } });
        return view((await users.update(user.id, { grants }))!);
      });
    },
    async setRolePermissions(actor: AuthUser, role: Role, permissions: readonly string[]) {
      return audited(
        actor,
        'role.permissions.set',
        { role, permissions: permissions.slice(0, 50).map((p) => p.slice(0, 200)) },
        async () => {
          assertSuperAdmin(actor, 'change role permissions');
          if (role === 'SUPER_ADMIN')
            throw platformError('BAD_USER_INPUT', 'SUPER_ADMIN always holds every permission; set ADMIN or USER.', {
              details: { field: 'role' },
            });
          const names = parsePermissions(permissions);
          await checkSeats({ roles: { ...(await roleTable()), [role]: names } });
          await roles.set(role, names);
          return { role, permissions: names.sort() };
        },
      );
    },
    async changePassword(actor: AuthUser, currentPassword: string, newPassword: string) {
      return audited(actor, 'user.password.change', { target: actor.email, targetId: actor.id }, async () => {
        if (currentPassword.length > MAX_PASSWORD_LENGTH)
          throw platformError('BAD_USER_INPUT', 'currentPassword: is wrong', { details: { field: 'currentPassword' } });
        const password = parsePassword(newPassword, actor.email);
        const credentials = await users.findCredentials(actor.email);
        if (!credentials || !(await verifyPassword(currentPassword, credentials.passwordHash))) {
          throw platformError('BAD_USER_INPUT', 'currentPassword: is wrong', { details: { field: 'currentPassword' } });
        }
        await users.setPasswordHash(actor.id, await hashPassword(password));
        return true;
      });
    },
    async setUserPassword(actor: AuthUser, id: string, password: string) {
      const details: Record<string, unknown> = { targetId: id.slice(0, MAX_ID) };
      return audited(actor, 'user.password.set', details, async () => {
        assertAdmin(actor);
        const user = await target(id);
        details.target = user.email;
        assertMayManage(actor, user);
        await users.setPasswordHash(user.id, await hashPassword(parsePassword(password, user.email)));
        return true;
      });
    },
    /** Every declared permission with its module and the roles that hold it. */
    async permissions(actor: AuthUser) {
      assertAdmin(actor);
      const table = await roleTable();
      const declared = declaredNames();
      return catalog.declared().map(({ name, module }) => ({
        name,
        module,
        description: null,
        roles: (['SUPER_ADMIN', 'ADMIN', 'USER'] as const).filter(
          (role) => role === 'SUPER_ADMIN' || (table[role] ?? (role === 'ADMIN' ? declared : [])).includes(name),
        ),
      }));
    },
    async rolePermissions(actor: AuthUser) {
      assertAdmin(actor);
      const table = await roleTable();
      const declared = declaredNames().sort();
      return [
        { role: 'SUPER_ADMIN' as const, permissions: declared },
        { role: 'ADMIN' as const, permissions: table.ADMIN ? declared.filter((p) => table.ADMIN!.includes(p)) : declared },
        { role: 'USER' as const, permissions: declared.filter((p) => (table.USER ?? []).includes(p)) },
      ];
    },
    /** An uninstalled module's permissions leave every role and grant (a reinstall starts with none). */
    async forgetPermissions(permissions: readonly string[]) {
      const still = new Set(declaredNames());
      const gone = permissions.filter((permission) => !still.has(permission));
      if (gone.length === 0) return;
      await roles.removeEverywhere(gone);
      await users.removeGrantsEverywhere(gone);
      await audit.append({
        actor: 'system',
        action: 'permissions.forget',
        module: null,
        outcome: 'SUCCEEDED',
        details: { permissions: gone },
      });
    },
  };
}

export type UserManagement = ReturnType<typeof createUserManagement>;
