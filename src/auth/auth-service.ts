import { z } from 'zod';
import { badInputFromZod, platformError } from '../errors/index.js';
import { effectivePermissions } from './effective-permissions.js';
import type { LoginThrottle } from './login-throttle.js';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password-hash.js';
import { EmailSchema, MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, passwordSchema } from './password-policy.js';
import type { RolePermissionsRepository } from './role-permissions-repository.js';
import type { TokenService } from './token-service.js';
import { type AuthUser, ROLES, type Role } from './types.js';
import { normalizeEmail, type StoredUser, type UsersRepository } from './users-repository.js';

export const PermissionName = z
  .string()
  .max(200)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'permissions look like farm.view');

export const NewUserInput = z
  .object({
    email: EmailSchema,
    password: z.string(),
    role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
    permissions: z.array(PermissionName).max(1000).default([]),
  })
  .superRefine((input, ctx) => {
    // The email is a user input zxcvbn should not reward ("ann@example.test1").
    const result = passwordSchema(() => [input.email]).safeParse(input.password);
    for (const issue of result.error?.issues ?? []) ctx.addIssue({ ...issue, code: 'custom', path: ['password'] });
  });
export type NewUserInput = z.input<typeof NewUserInput>;

export interface AuthServiceDeps {
  users: UsersRepository;
  roles: RolePermissionsRepository;
  tokens: TokenService;
  throttle: LoginThrottle;
  /** The permissions enabled modules declare: what a request's user can hold. */
  livePermissions: () => readonly string[];
}

export interface AuthService {
  /** `clientAddress` keys the per-address throttle. */
  login(email: string, password: string, clientAddress?: string): Promise<{ token: string; expiresAt: Date; user: AuthUser }>;
  /** Validates (email, password policy) and stores a user; no access rules (callers check those). */
  createUser(input: NewUserInput, options?: { bootstrapPending?: boolean }): Promise<StoredUser>;
  /**
   * The user behind a bearer token, loaded from the store now: UNAUTHENTICATED when the token is
   * not valid, the account is gone or disabled, or the password changed since it was issued.
   */
  authenticate(token: string): Promise<AuthUser>;
  /** `user` with its effective permissions over `declared`. */
  /** `rolePermissions`: the role's stored permissions when the caller already read them (lists). */
  withPermissions(user: StoredUser, declared: readonly string[], rolePermissions?: readonly string[] | null): Promise<AuthUser>;
  users: UsersRepository;
  roles: RolePermissionsRepository;
}

const LOGIN_FAILED = 'Email or password is wrong.';

/** Refuses oversized credentials before anything is hashed or looked up. */
function assertCredentialSizes(email: string, password: string): void {
  if (email.length > MAX_EMAIL_LENGTH) {
    throw platformError('BAD_USER_INPUT', `email: must be at most ${MAX_EMAIL_LENGTH} characters`, { details: { field: 'email' } });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw platformError('BAD_USER_INPUT', `password: must be at most ${MAX_PASSWORD_LENGTH} characters`, {
      details: { field: 'password' },
    });
  }
}

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const { users, roles, tokens, throttle } = deps;
  async function withPermissions(user: StoredUser, declared: readonly string[], known?: readonly string[] | null): Promise<AuthUser> {
    const rolePermissions = user.role === 'SUPER_ADMIN' ? null : known !== undefined ? known : await roles.get(user.role);
    // Named one by one (not a rest pattern, which is slow and passes on whatever fields a stored
    // user gains): the token generation and the bootstrap mark stay inside the platform.
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      grants: user.grants,
      disabled: user.disabled,
      lastLoginAt: user.lastLoginAt,
      createdAt: user.createdAt,
      permissions: effectivePermissions(user.role, user.grants, rolePermissions, declared),
    };
  }
  return {
    users,
    roles,
    withPermissions,
    async login(email, password, clientAddress = 'unknown') {
      assertCredentialSizes(email, password);
      const account = normalizeEmail(email);
      await throttle.assertAllowed(account, clientAddress);
      const credentials = await users.findCredentials(account);
      // Hash even for an unknown email so the answer time does not reveal which emails exist.
      const matches = await verifyPassword(password, credentials?.passwordHash ?? (await DUMMY_HASH_PROMISE));
      // A disabled account gets the wrong-password answer: the caller learns nothing more.
      if (!credentials || !matches || credentials.disabled === true) {
        await throttle.recordFailure(account, clientAddress);
        throw platformError('UNAUTHENTICATED', LOGIN_FAILED);
      }
      await throttle.recordSuccess(account);
      const now = new Date();
      await users.recordLogin(credentials._id, now);
      const user = await users.findById(credentials._id);
      if (!user) throw platformError('UNAUTHENTICATED', LOGIN_FAILED);
      return { ...(await tokens.issue(user.id, user.tokenGeneration)), user: await withPermissions(user, deps.livePermissions()) };
    },
    async createUser(input, options = {}) {
      const parsed = NewUserInput.safeParse(input);
      if (!parsed.success) throw badInputFromZod(parsed.error);
      const { email, password, role, permissions } = parsed.data;
      return users.insert({
        email,
        passwordHash: await hashPassword(password),
        role: role as Role,
        permissions,
        bootstrapPending: options.bootstrapPending,
      });
    },
    async authenticate(token) {
      const { userId, generation } = await tokens.verify(token);
      const user = await users.findById(userId);
      if (!user) throw platformError('UNAUTHENTICATED', 'The account of this token no longer exists.');
      if (user.disabled) throw platformError('UNAUTHENTICATED', 'This account is disabled: ask an administrator.');
      if (generation !== user.tokenGeneration) {
        throw platformError('UNAUTHENTICATED', 'The password of this account changed since this token was issued: sign in again.');
      }
      return withPermissions(user, deps.livePermissions());
    },
  };
}
