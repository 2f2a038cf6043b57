import type { YogaInitialContext } from 'graphql-yoga';
import type { AuthUser } from '../auth/types.js';

/** What the platform adds to every request's context. */
export interface RequestAuth {
  /** The signed-in user, or null without a (valid) token. */
  user: AuthUser | null;
  /** For audit entries: the user's email or 'anonymous'. */
  actor: string;
  /** Set when a token was sent but is not valid; resolvers that need a user throw it. */
  authError?: Error;
}

/**
 * The GraphQL context of every request. Module resolvers additionally receive `module` and
 * `modules` (their handle and their dependencies' services), added by the plugin runtime.
 */
export type PlatformContext = YogaInitialContext & RequestAuth;
