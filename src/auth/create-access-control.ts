import type { DocumentStore } from '../store/types.js';
import { type AuthService, createAuthService } from './auth-service.js';
import { createLoginThrottle, type LoginThrottle, type LoginThrottleSettings } from './login-throttle.js';
import { createRolePermissionsRepository } from './role-permissions-repository.js';
import { createTokenService } from './token-service.js';
import { type AuditSink, createUserManagement, type PermissionCatalog, type UserManagement } from './user-management.js';
import { createUsersRepository } from './users-repository.js';

export interface AccessControlOptions {
  store: DocumentStore;
  tokenSecret: Uint8Array;
  tokenTtlSeconds: number;
  installationId: string;
  catalog: PermissionCatalog;
  /** Permissions of enabled modules (what a request's user can use). */
  livePermissions: () => readonly string[];
  audit: AuditSink;
  /** Defaults to in-memory counters with the platform's default limits. */
  throttle?: LoginThrottle;
  throttleSettings?: LoginThrottleSettings;
}

export interface AccessControl {
  auth: AuthService;
  management: UserManagement;
}

const DEFAULT_THROTTLE: LoginThrottleSettings = {
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 50,
  windowSeconds: 3600,
  blockSeconds: 1,
};

/** Users, roles, tokens, sign-in throttling and the user lifecycle, assembled over one store. */
export async function createAccessControl(options: AccessControlOptions): Promise<AccessControl> {
  const users = createUsersRepository(options.store);
  await users.ensureIndexes();
  const auth = createAuthService({
    users,
    roles: createRolePermissionsRepository(options.store),
    tokens: createTokenService(options.tokenSecret, options.tokenTtlSeconds, options.installationId),
    throttle: options.throttle ?? createLoginThrottle(options.throttleSettings ?? DEFAULT_THROTTLE),
    livePermissions: options.livePermissions,
  });
  return { auth, management: createUserManagement({ auth, catalog: options.catalog, audit: options.audit }) };
}
