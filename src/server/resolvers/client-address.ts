import type { IncomingMessage } from 'node:http';

/**
 * The caller's address as the socket sees it (the key of the per-address sign-in throttle).
 * Forwarding headers are not trusted: any client can write them.
 */
export function clientAddress(context: object): string {
  const req = (context as { req?: IncomingMessage }).req;
  return req?.socket?.remoteAddress ?? 'unknown';
}
