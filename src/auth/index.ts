export { type AuthService, createAuthService, NewUserInput } from './auth-service.js';
export { type BootstrapResult, bootstrapAdmin } from './bootstrap-admin.js';
export { hashPassword, verifyPassword } from './password-hash.js';
export { requireRole, requireUser } from './require-role.js';
export { loadOrCreateSecret } from './secret-file.js';
export { createTokenService, type TokenService } from './token-service.js';
export { type AuthUser, ROLES, type Role } from './types.js';
export { createUsersRepository, normalizeEmail, type UserDocument, type UsersRepository } from './users-repository.js';
