import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import type { ChapterSpan } from './chapters';
import { displayName, nameKey } from '../../core/text/index';
import { isBlank, numberedEntry } from './line-kinds';
import { isOverviewLabel, OVERVIEW_LABEL } from './labels';
import { linesOf } from '../line-span';
import type { OverviewEntry } from './records';

export interface Overview {
  readonly label: number;
  readonly entries: readonly OverviewEntry[];
  /** The line of the last entry: the chapter's policy items follow it. */
  readonly last: number;
}

/**
 * The chapter overview (`施策大項目と関連するSDGs`) numbers the chapter's policy items 1, 2, … and names them.
 * It is the one place every item's number and name are printed, so it is the reference the items are
 * identified against. The list ends at the first line that is neither blank nor numbered.
 */
export function readOverview(doc: SourceDocument, chapter: ChapterSpan): Overview {
  const label = linesOf(doc, chapter).find(({ text }) => isOverviewLabel(text));
  if (!label) {
    const where = chapter.first;
    throw new ParseError(doc.ref(where), `the overview "${OVERVIEW_LABEL}" in this chapter`, doc.line(where));
  }

  const entries: OverviewEntry[] = [];
  let last = label.n;
  for (const { n, text } of linesOf(doc, { first: label.n + 1, last: chapter.last })) {
    if (isBlank(text)) continue;
    const entry = numberedEntry(text);
    if (!entry) break;
    const expected = entries.length + 1;
    if (entry.number !== expected) {
      throw new ParseError(doc.ref(n), `policy item number ${expected} in the overview`, text);
    }
    const name = displayName(entry.text);
    entries.push({
      number: entry.number,
      code: `${chapter.number}-${entry.number}`,
      name,
      matchKey: nameKey(name),
      source: doc.ref(n),
    });
    last = n;
  }
  if (entries.length === 0) {
    const next = last + 1;
    throw new ParseError(doc.ref(next), 'a numbered policy item ("1. …") under the overview', doc.line(next));
  }
  return { label: label.n, entries, last };
}
