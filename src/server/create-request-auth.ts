import type { AuthService } from '../auth/index.js';
import type { RequestAuth } from './context.js';

/** The bearer token of a request: null without an Authorization header, '' when it is malformed. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1]! : '';
}

/** Who makes a request, worked out once per request however many plugins ask. */
export interface RequestAuthResolver {
  /** Verifies the bearer token (once per request) and loads the user. */
  authFor(request: Request): Promise<RequestAuth>;
  /** The caller once `authFor` has settled for this request; undefined before. */
  known(request: Request): RequestAuth | undefined;
}

/**
 * The caller of a request: validation-time plugins (introspection policy) need it before yoga
 * builds the context, and the context needs it again; a per-request memo keeps it one store read.
 */
export function createRequestAuth(auth: AuthService): RequestAuthResolver {
  const pending = new WeakMap<Request, Promise<RequestAuth>>();
  const settled = new WeakMap<Request, RequestAuth>();

  async function resolve(request: Request): Promise<RequestAuth> {
    const token = bearerToken(request);
    if (token === null) return { user: null, actor: 'anonymous' };
    try {
      const user = await auth.authenticate(token);
      return { user, actor: user.email };
    } catch (error) {
      return { user: null, actor: 'anonymous', authError: error as Error };
    }
  }

  return {
    authFor(request) {
      let result = pending.get(request);
      if (!result) {
        result = resolve(request).then((value) => {
          settled.set(request, value);
          return value;
        });
        pending.set(request, result);
      }
      return result;
    },
    known: (request) => settled.get(request),
  };
}
