import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import type { ChapterSpan } from './chapters';
import { joinWrappedText } from '../../core/text/index';
import { readItem } from './item-reader';
import { locateItems } from './item-locator';
import { isBlank } from './line-kinds';
import { isOverviewLabel } from './labels';
import { linesOf } from '../line-span';
import { readOverview } from './overview-reader';
import type { FinalChapter } from './records';

/**
 * A field chapter: heading, slogan (the first line after the heading; the speech bubbles of citizens'
 * wishes that follow it are not read), the overview of its policy items, then the items themselves.
 */
export function readChapter(doc: SourceDocument, chapter: ChapterSpan): FinalChapter {
  const overview = readOverview(doc, chapter);
  const items = locateItems(doc, { first: overview.last + 1, last: chapter.last }, overview.entries).map((span) =>
    readItem(doc, span, chapter.number),
  );
  return {
    fieldNumber: chapter.number,
    fieldName: chapter.title.replace(/分野$/, ''),
    title: chapter.title,
    slogan: readSlogan(doc, chapter),
    overview: overview.entries,
    items,
    source: doc.ref(chapter.first),
  };
}

function readSlogan(doc: SourceDocument, chapter: ChapterSpan): string {
  const line = linesOf(doc, { first: chapter.first + 1, last: chapter.last }).find(({ text }) => !isBlank(text));
  if (!line || isOverviewLabel(line.text)) {
    const where = line?.n ?? chapter.last;
    throw new ParseError(doc.ref(where), 'the chapter slogan after the chapter heading', doc.line(where));
  }
  return joinWrappedText(line.text);
}
