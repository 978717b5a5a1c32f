import { type FurnitureStyle, pageFurniture, type Transformation } from './extraction-corpus';

/** Every whole width from `from` to `to`, both included: a sweep tests them all, none chosen. */
export function everyWidth(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const STYLES: readonly FurnitureStyle[] = [
  'dashed number, header, blank lines',
  'bare number and header',
  'form feed and footer',
];
const INTERVALS = [7, 25, 40, 60] as const;

/**
 * Page furniture for the variant at `width`: the three layouts and four page lengths taken in turn along a
 * sweep, so each layout meets widths of every size and a page break falls in wrapped paragraphs and cells.
 */
export function withPageFurniture(width: number): Transformation {
  return pageFurniture(INTERVALS[width % INTERVALS.length] ?? 25, STYLES[width % STYLES.length] ?? STYLES[0]!);
}
