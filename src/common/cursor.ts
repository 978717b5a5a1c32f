import { BadUserInputError } from '../errors';

/**
 * Cursors are opaque to clients: base64 of a version tag and the item's sortKey (the stable order every
 * list uses). A cursor that does not decode is the caller's mistake and says so.
 */
const PREFIX = 'c1:';

export function encodeCursor(sortKey: string): string {
  return Buffer.from(`${PREFIX}${sortKey}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || text.length === PREFIX.length) {
    throw new BadUserInputError(`'after' is not a cursor of this API: ${JSON.stringify(cursor)}`, {
      argument: 'after',
    });
  }
  return text.slice(PREFIX.length);
}
