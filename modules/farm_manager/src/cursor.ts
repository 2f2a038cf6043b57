import { badInput } from 'a64-platform/sdk';

/** Position in a list sorted by (createdAt, _id): opaque to clients. */
export interface CursorPosition {
  createdAt: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

/** Throws BAD_USER_INPUT (field `after`) for a cursor this module did not hand out. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    // Falls through to the error below: any malformed cursor gets the same message.
  }
  throw badInput('after', 'is not a cursor from a previous page; pass nextCursor as it was returned');
}

/** The filter selecting documents after `position` in (createdAt, _id) order. */
export function afterCursorFilter(position: CursorPosition): Record<string, unknown> {
  return {
    $or: [{ createdAt: { $gt: position.createdAt } }, { createdAt: position.createdAt, _id: { $gt: position.id } }],
  };
}
