import { BadUserInputError } from '../../core/errors';

export type Direction = 'ASC' | 'DESC';

/** One key of an `orderBy` argument. */
export interface OrderKey<F extends string = string> {
  readonly field: F;
  readonly direction: Direction;
}

/** The most keys an `orderBy` may have (each is one more comparison per row). */
export const MAX_ORDER_KEYS = 4;

/**
 * The order a page is sorted by, after the rules every connection shares: codes (the sortKey) are unique,
 * so keys after a code key change nothing and are dropped; a final ascending code key is the tiebreak every
 * order ends with anyway, so `[{CODE, ASC}]` is the default order (and takes the default order's cursors).
 */
export function normalizeOrder<F extends string>(
  keys: readonly OrderKey<F>[] | null | undefined,
  isCode: (field: F) => boolean,
): OrderKey<F>[] {
  const given = keys ?? [];
  if (given.length > MAX_ORDER_KEYS) {
    throw new BadUserInputError(`orderBy takes at most ${MAX_ORDER_KEYS} keys, got ${given.length}`, {
      argument: 'orderBy',
    });
  }
  const fields = given.map((k) => k.field);
  if (new Set(fields).size !== fields.length) {
    throw new BadUserInputError(`orderBy names a field twice: ${fields.join(', ')}`, { argument: 'orderBy' });
  }
  const codeAt = given.findIndex((k) => isCode(k.field));
  const kept = codeAt < 0 ? [...given] : given.slice(0, codeAt + 1);
  const last = kept[kept.length - 1];
  if (last !== undefined && isCode(last.field) && last.direction === 'ASC') kept.pop();
  return kept;
}

/** A short tag naming an order (`measures:NAME.ASC,STATUS.DESC`), carried by cursors made for it. */
export function orderTag(connection: string, keys: readonly OrderKey[]): string {
  return `${connection}:${keys.map((k) => `${k.field}.${k.direction}`).join(',')}`;
}

/** How an order reads in messages: `NAME ASC, then code` (every order ends with the code tiebreak). */
export function describeOrder(keys: readonly OrderKey[]): string {
  return [...keys.map((k) => `${k.field} ${k.direction}`), 'code'].join(', then ');
}
