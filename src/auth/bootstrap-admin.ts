import { randomBytes } from 'node:crypto';
import type { AuthService } from './auth-service.js';
import { hashPassword } from './password-hash.js';

export interface BootstrapResult {
  email: string;
  /** Set only when the platform generated the password; shown once, never stored in clear. */
  generatedPassword?: string;
  /** True when an earlier start created the admin but nobody signed in with it: a new password was set. */
  renewed?: boolean;
}

const generate = () => randomBytes(12).toString('base64url');

/**
 * Creates the first SUPER_ADMIN when there is none yet: from ADMIN_EMAIL/ADMIN_PASSWORD, or
 * admin@localhost.local with a generated password that the caller prints once. Call it once the
 * server listens. A bootstrap admin with a generated password that never signed in gets a new one
 * on every start (or ADMIN_PASSWORD when set), so a start that failed after printing, or whose
 * output was lost, cannot lock anyone out. Returns null when nothing was created or changed.
 */
export async function bootstrapAdmin(auth: AuthService, options: { email?: string; password?: string }): Promise<BootstrapResult | null> {
  const admins = (await auth.users.list()).filter((user) => user.role === 'SUPER_ADMIN');
  const pending = admins.find((user) => user.bootstrapPending && user.lastLoginAt === null);
  if (pending) {
    const generatedPassword = options.password ? undefined : generate();
    await auth.users.setPasswordHash(pending.id, await hashPassword(options.password ?? generatedPassword!), {
      bootstrapPending: generatedPassword !== undefined,
    });
    return { email: pending.email, generatedPassword, renewed: true };
  }
  if (admins.length > 0) return null;
  const email = options.email ?? 'admin@localhost.local';
  const generatedPassword = options.password ? undefined : generate();
  await auth.createUser(
    { email, password: options.password ?? generatedPassword!, role: 'SUPER_ADMIN' },
    { bootstrapPending: !!generatedPassword },
  );
  return { email, generatedPassword };
}
