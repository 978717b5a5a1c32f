import { matchKey } from '../../core/text/index';

/**
 * A `text` filter as the stored `searchText` is folded (width, case, spaces: see matchKey), so `ｉｃｔ`,
 * `I C T` and `ICT` find the same nodes. Blank means no filter.
 */
export function foldedText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const folded = matchKey(text);
  return folded === '' ? null : folded;
}
