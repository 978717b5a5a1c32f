import { BadUserInputError } from '../../core/errors';
import { quotedInput } from '../../core/quoted-input';

/**
 * Cursors are opaque to clients: base64 of a version tag and the item's position. In the default order
 * (codes) the position is the sortKey alone (`c1:`, the format every cursor had before lists could be
 * sorted, so those keep working); in any other order it is the values of the sort keys plus the sortKey,
 * and the tag of the order the cursor was made for (`c2:` JSON), so a cursor of another order is refused
 * rather than silently skipping or repeating items. A cursor that does not decode is the caller's mistake.
 */
const PLAIN = 'c1:';
const POSITIONED = 'c2:';

/** Where a page continues: after the item with these sort values and sortKey. */
export interface CursorPosition {
  readonly values: readonly SortValue[];
  readonly sortKey: string;
}
export type SortValue = string | number | boolean | null;

export function encodeCursor(sortKey: string): string {
  return Buffer.from(`${PLAIN}${sortKey}`, 'utf8').toString('base64url');
}

/** A cursor for an item sorted by the order `orderTag` (values of its keys, then the sortKey). */
export function encodePositionCursor(orderTag: string, position: CursorPosition): string {
  const body = JSON.stringify({ o: orderTag, v: position.values, k: position.sortKey });
  return Buffer.from(`${POSITIONED}${body}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PLAIN) || text.length === PLAIN.length) throw notACursor(cursor);
  return text.slice(PLAIN.length);
}

/**
 * The position a cursor holds, checked against the order of the request (`orderTag`, with `keyCount` sort
 * keys; 0 for the default order). `described` says in words which order the request asks for.
 */
export function decodePosition(cursor: string, orderTag: string, keyCount: number, described: string): CursorPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (text.startsWith(PLAIN)) {
    if (keyCount > 0) throw otherOrder(`the default order (code)`, described);
    return { values: [], sortKey: decodeCursor(cursor) };
  }
  if (!text.startsWith(POSITIONED)) throw notACursor(cursor);
  const body = parsePositioned(text.slice(POSITIONED.length));
  if (body === null) throw notACursor(cursor);
  if (body.o !== orderTag || body.v.length !== keyCount) throw otherOrder(`the order ${body.o}`, described);
  return { values: body.v, sortKey: body.k };
}

function parsePositioned(json: string): { o: string; v: SortValue[]; k: string } | null {
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const { o, v, k } = body as Record<string, unknown>;
  const isSortValue = (x: unknown): x is SortValue => x === null || ['string', 'number', 'boolean'].includes(typeof x);
  if (typeof o !== 'string' || typeof k !== 'string' || k === '' || !Array.isArray(v) || !v.every(isSortValue)) {
    return null;
  }
  return { o, v, k };
}

function notACursor(cursor: string): BadUserInputError {
  return new BadUserInputError(`'after' is not a cursor of this API: ${quotedInput(cursor)}`, { argument: 'after' });
}

function otherOrder(madeFor: string, described: string): BadUserInputError {
  return new BadUserInputError(
    `'after' is a cursor of ${madeFor}, but this request orders by ${described}; ` +
      'continue with a cursor from a page in the same order (or start again without after)',
    { argument: 'after' },
  );
}
