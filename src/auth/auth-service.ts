import { z } from 'zod';
import { badInputFromZod, platformError } from '../errors/index.js';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password-hash.js';
import type { TokenService } from './token-service.js';
import { type AuthUser, ROLES, type Role } from './types.js';
import type { UsersRepository } from './users-repository.js';

export const NewUserInput = z.object({
  email: z.email({ message: 'must be an email address' }).max(254),
  password: z.string().min(10, 'must be at least 10 characters').max(1024, 'must be at most 1024 characters'),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
  permissions: z.array(z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'permissions look like farm.view')).default([]),
});
export type NewUserInput = z.input<typeof NewUserInput>;

export interface AuthService {
  login(email: string, password: string): Promise<{ token: string; expiresAt: Date; user: AuthUser }>;
  createUser(input: NewUserInput): Promise<AuthUser>;
  /** The user behind a bearer token; throws UNAUTHENTICATED when it is not valid or the user is gone. */
  authenticate(token: string): Promise<AuthUser>;
  users: UsersRepository;
}

const LOGIN_FAILED = 'Email or password is wrong.';

export function createAuthService(users: UsersRepository, tokens: TokenService): AuthService {
  return {
    users,
    async login(email, password) {
      const credentials = await users.findCredentials(email);
      // Hash even for an unknown email so the answer time does not reveal which emails exist.
      const matches = await verifyPassword(password, credentials?.passwordHash ?? (await DUMMY_HASH_PROMISE));
      if (!credentials || !matches) throw platformError('UNAUTHENTICATED', LOGIN_FAILED);
      const user = await users.findById(credentials._id);
      if (!user) throw platformError('UNAUTHENTICATED', LOGIN_FAILED);
      return { ...(await tokens.issue(user.id)), user };
    },
    async createUser(input) {
      const parsed = NewUserInput.safeParse(input);
      if (!parsed.success) throw badInputFromZod(parsed.error);
      const { email, password, role, permissions } = parsed.data;
      return users.insert({ email, passwordHash: await hashPassword(password), role: role as Role, permissions });
    },
    async authenticate(token) {
      const { userId } = await tokens.verify(token);
      const user = await users.findById(userId);
      if (!user) throw platformError('UNAUTHENTICATED', 'The account of this token no longer exists.');
      return user;
    },
  };
}
