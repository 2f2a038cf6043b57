// The pub/sub graphql-yoga itself uses, without the server: the module runtime knows no HTTP.
import { createPubSub } from '@graphql-yoga/subscription';
import type { ModuleEvent } from './types.js';

export interface ModuleEventBus {
  publish(
    event: Omit<ModuleEvent, 'at' | 'message' | 'code' | 'bytes' | 'totalBytes'> &
      Partial<Pick<ModuleEvent, 'message' | 'code' | 'bytes' | 'totalBytes'>>,
  ): void;
  /** Every event published from now on (for `Subscription.moduleEvents`). */
  subscribe(): AsyncIterable<ModuleEvent>;
}

/** In-process fan-out of module operation progress to subscribers (SSE through yoga). */
export function createModuleEventBus(): ModuleEventBus {
  const pubsub = createPubSub<{ moduleEvents: [ModuleEvent] }>();
  return {
    publish(event) {
      pubsub.publish('moduleEvents', { message: null, code: null, bytes: null, totalBytes: null, ...event, at: new Date() });
    },
    subscribe: () => pubsub.subscribe('moduleEvents'),
  };
}
