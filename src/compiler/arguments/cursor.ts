import { badInput } from '../../core/errors';

const PREFIX = 'offset:';

/**
 * Encodes a position in an ordered result as an opaque cursor. Positions (not keys) are used because every
 * paginated list has a total order with ties broken by id, and a position keeps cursors small; the price is
 * that a page boundary may shift if the graph changes between requests.
 */
export function encodeCursor(position: number): string {
  return Buffer.from(`${PREFIX}${position}`, 'utf8').toString('base64url');
}

/** The number of items before the page that starts after the cursor (0 without a cursor). */
export function decodeCursor(cursor: string | null | undefined, argument = 'after'): number {
  if (cursor === null || cursor === undefined) return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(position) || position < 1 || encodeCursor(position) !== cursor) {
    throw badInput(argument, 'is not a cursor returned by this API (use a cursor or endCursor from a connection)');
  }
  return position;
}
