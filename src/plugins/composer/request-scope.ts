import type { ModuleHandle } from '../../sdk/types.js';
import { forgetRequestReads } from '../handle/bind-handle-to-user.js';

// Not enumerable: a module's resolvers never see it, and spreads of the context leave it behind.
const HANDLES = Symbol('a64.requestHandles');
type Scoped = { [HANDLES]?: ModuleHandle[] };

/** Notes that `handle` was bound for the request whose context is `context`. */
export function holdForRequest(context: object, handle: ModuleHandle): void {
  const held = (context as Scoped)[HANDLES];
  if (held) held.push(handle);
  else Object.defineProperty(context, HANDLES, { value: [handle] });
}

/**
 * The request of `context` is over: its bound handles forget what their loaders read, so nothing
 * the request made stays reachable from an object V8 put in the old generation
 * (`forgetRequestReads`). Safe to call early or twice: a loader asked for later reads afresh.
 * Called when a graphql-jit execution has its result (use-jit-execution.ts); what runs on
 * graphql-js (subscriptions, documents past the JIT budget) leaves its reads to the full
 * collection, as before — memory, never behaviour, depends on it.
 */
export function endRequestScope(context: unknown): void {
  const held = typeof context === 'object' && context !== null ? (context as Scoped)[HANDLES] : undefined;
  if (!held) return;
  for (const handle of held) forgetRequestReads(handle);
  held.length = 0;
}
