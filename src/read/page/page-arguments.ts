import { decodePosition, type CursorPosition } from './cursor';

/**
 * What a connection's arguments become when they are parsed (the first step, page-selection.ts): the order its
 * cursors know, the slice, and the position an `after` cursor holds, checked against that order.
 */

/** The order a page is sorted by, as its cursors know it (see cursor.ts). */
export interface PageOrder {
  /** Names the order in cursors made for it (`measures:NAME.ASC`). */
  readonly tag: string;
  /** Sort keys before the sortKey tiebreak; 0 is the default order (codes). */
  readonly keyCount: number;
  /** The order in words, for the message refusing a cursor of another order. */
  readonly described: string;
}

export const DEFAULT_ORDER: PageOrder = { tag: '', keyCount: 0, described: 'code' };

/** `first`/`after` of a connection. */
export interface Slice {
  readonly first: number;
  readonly after?: string | null;
}

/** The position an `after` cursor holds, checked against the page's order (null without a cursor). */
export function afterPosition(after: string | null | undefined, order: PageOrder): CursorPosition | null {
  return after === null || after === undefined
    ? null
    : decodePosition(after, order.tag, order.keyCount, order.described);
}
