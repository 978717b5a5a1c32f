import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { tidy } from '../../core/text/index';
import { chapterHeading, isBlank } from './line-kinds';
import type { LineSpan } from '../line-span';
import type { FollowingChapter } from './records';

/** A field chapter's heading and the lines up to the next chapter heading. */
export interface ChapterSpan extends LineSpan {
  readonly number: number;
  readonly title: string;
}

export interface ChapterLayout {
  readonly chapters: readonly ChapterSpan[];
  readonly stoppedAt: FollowingChapter | null;
}

/**
 * Field chapters are titled after their field (`市民生活分野`, `行財政経営分野`). The document goes on past them
 * into 第7章 政策連携プラン, which another parser reads from its own document; reading stops at the first
 * chapter that is not a field chapter, and everything from there on is left alone.
 */
const FIELD_CHAPTER_TITLE = /分野$/;

export function findFieldChapters(doc: SourceDocument): ChapterLayout {
  const headings: { line: number; number: number; title: string }[] = [];
  for (let n = 1; n <= doc.lines.length; n++) {
    const heading = chapterHeading(doc.line(n));
    if (heading) headings.push({ line: n, ...heading });
  }

  const first = headings[0];
  const firstContent = doc.lines.findIndex((text) => !isBlank(text)) + 1;
  if (!first || firstContent < first.line) {
    const where = firstContent > 0 ? firstContent : 1;
    throw new ParseError(doc.ref(where), 'a field chapter heading (第N章 …分野)', doc.line(where));
  }

  const chapters: ChapterSpan[] = [];
  for (const [i, heading] of headings.entries()) {
    if (!FIELD_CHAPTER_TITLE.test(heading.title)) {
      if (chapters.length === 0) {
        throw new ParseError(doc.ref(heading.line), 'a field chapter heading (第N章 …分野)', doc.line(heading.line));
      }
      return { chapters, stoppedAt: { heading: tidy(doc.line(heading.line)), source: doc.ref(heading.line) } };
    }
    const next = headings[i + 1];
    chapters.push({
      number: heading.number,
      title: heading.title,
      first: heading.line,
      last: next ? next.line - 1 : doc.lines.length,
    });
  }
  return { chapters, stoppedAt: null };
}
