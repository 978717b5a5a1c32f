import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { nameKey } from '../../core/text/index';
import { bulletText, isBlank, isCaption } from './line-kinds';
import { SECTION_LABEL, sectionLabel } from './labels';
import { linesOf, type LineSpan } from '../line-span';
import type { OverviewEntry } from './records';

/** The lines of one policy item and the overview entry it was identified as. */
export interface ItemSpan extends LineSpan {
  readonly entry: OverviewEntry;
  /** The printed heading's line, null when the document lacks it. */
  readonly heading: number | null;
  /** The めざす姿 label that opens the item's content. */
  readonly vision: number;
}

/**
 * Finds the chapter's policy items in `body` (the lines after the overview) and tells which overview entry
 * each one is.
 *
 * Every item opens with `めざす姿`, but the document prints no heading before some of them (5-2, 5-5, 5-6
 * and 6-4): there the line before `めざす姿` is the last bullet of the previous item. So the items are
 * identified by position — the k-th `めざす姿` of a chapter is the overview's k-th item — and each heading
 * that *is* printed must name that same overview entry, which checks the positions wherever the document
 * allows. A count that differs from the overview, or a heading naming another item, is an error.
 */
export function locateItems(doc: SourceDocument, body: LineSpan, overview: readonly OverviewEntry[]): ItemSpan[] {
  const visions = linesOf(doc, body)
    .filter(({ text }) => sectionLabel(text)?.kind === 'vision')
    .map(({ n }) => n);

  if (visions.length !== overview.length) {
    const where = visions[overview.length] ?? body.last;
    const expected =
      `${overview.length} policy items (one "${SECTION_LABEL.vision}" each) as the overview lists, ` +
      `but the chapter has ${visions.length}`;
    throw new ParseError(doc.ref(where), expected, doc.line(where));
  }

  const starts = visions.map((vision, i) => {
    const entry = overview[i] as OverviewEntry; // same length, checked above
    const floor = i === 0 ? body.first : (visions[i - 1] as number) + 1;
    const heading = printedHeading(doc, { first: floor, last: vision - 1 }, entry);
    return { entry, heading, vision, first: heading ?? vision };
  });

  return starts.map((start, i) => ({
    ...start,
    last: (starts[i + 1]?.first ?? body.last + 1) - 1,
  }));
}

/**
 * The heading printed before an item's `めざす姿`, if any: the nearest non-blank line above it, unless that
 * line is a bullet or a caption (the end of the previous item, i.e. no heading). A heading must name the
 * overview entry expected at this position.
 */
function printedHeading(doc: SourceDocument, above: LineSpan, expected: OverviewEntry): number | null {
  const candidate = linesOf(doc, above)
    .reverse()
    .find(({ text }) => !isBlank(text));
  if (!candidate || bulletText(candidate.text) !== null || isCaption(candidate.text)) return null;
  if (nameKey(candidate.text) !== expected.matchKey) {
    throw new ParseError(
      doc.ref(candidate.n),
      `the heading of policy item ${expected.code} "${expected.name}" (or none) before "${SECTION_LABEL.vision}"`,
      candidate.text,
    );
  }
  return candidate.n;
}
