/**
 * Collections the platform itself keeps. A module may never declare them in
 * `database_collections` (it would read password hashes or rewrite module state), nor any name
 * with a platform prefix, kept free for future platform collections.
 */
export const PLATFORM_COLLECTIONS: ReadonlySet<string> = new Set([
  'users',
  'platform_settings',
  'installed_modules',
  'module_migrations',
  'module_operations',
  'module_locks',
  'registry_state',
  'audit_log',
  'licenses',
]);

const PLATFORM_PREFIXES = ['platform_', 'module_', 'registry_', 'system'];

/** True when `name` belongs to the platform, not to modules. */
export function isPlatformCollection(name: string): boolean {
  return PLATFORM_COLLECTIONS.has(name) || PLATFORM_PREFIXES.some((prefix) => name.startsWith(prefix));
}
