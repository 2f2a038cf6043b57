import type { YogaInitialContext } from 'graphql-yoga';
import type { AuthUser } from '../auth/types.js';

/**
 * The GraphQL context of every request. Module resolvers additionally receive `module` and
 * `modules` (their handle and their dependencies' services), added by the plugin runtime.
 */
export interface PlatformContext extends YogaInitialContext {
  /** The signed-in user, or null without a (valid) token. */
  user: AuthUser | null;
  /** For audit entries: the user's email or 'anonymous'. */
  actor: string;
}
