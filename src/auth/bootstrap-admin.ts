import { randomBytes } from 'node:crypto';
import type { AuthService } from './auth-service.js';

export interface BootstrapResult {
  email: string;
  /** Set only when the platform generated the password; shown once, never stored in clear. */
  generatedPassword?: string;
}

/**
 * Creates the first SUPER_ADMIN when there is none yet: from ADMIN_EMAIL/ADMIN_PASSWORD, or
 * admin@localhost with a generated password that the caller prints once. Returns null when users exist.
 */
export async function bootstrapAdmin(auth: AuthService, options: { email?: string; password?: string }): Promise<BootstrapResult | null> {
  if ((await auth.users.count({ role: 'SUPER_ADMIN' })) > 0) return null;
  const email = options.email ?? 'admin@localhost.local';
  const generatedPassword = options.password ? undefined : randomBytes(12).toString('base64url');
  const password = options.password ?? generatedPassword!;
  await auth.createUser({ email, password, role: 'SUPER_ADMIN' });
  return { email, generatedPassword };
}
