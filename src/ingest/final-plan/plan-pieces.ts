import { foldWidth, nameKey, tidy } from '../../core/text/index';
import { paragraphText } from '../paragraph';
import { pieceLines, type StartsPiece } from '../pieces';
import type { SourceDocument } from '../source-document';
import { isOverviewLabel, OVERVIEW_LABEL, SECTION_LABEL, leadsALine, type SectionKind } from './labels';
import { chapterHeading, numberedEntry } from './line-kinds';
import { partSloganPiece } from './slogan-piece';

/**
 * Document 001 read as pieces in reading order (src/ingest/README.md): each piece becomes one line of the
 * returned document, mapped to the file line (a PDF: page and printed line) where its text starts, so the
 * readers of this folder read pieces where they used to read lines and every reference still points into
 * the file. A paragraph's lines are joined as a line break joins them (`paragraphText`); a table row (a
 * line with a tab) is a piece of its own. Blank lines part pieces and are dropped.
 *
 * What starts a piece is what the plan prints (`startsPlanPiece`): a bullet, a caption, a numbered entry, a
 * chapter heading, a section label, or an item's heading. A heading is known by the chapter's own overview:
 * it is the name of one of the overview's items, alone or followed by `めざす姿`. The overview is read first (its
 * entries are numbered, so they start pieces without it), then the whole document again with its names.
 */
export function readPlanPieces(doc: SourceDocument): SourceDocument {
  const span = { first: 1, last: doc.lines.length };
  // The overview's last entry runs on into the first item's heading where no blank line parts them; that
  // heading is the overview's first name, so a second reading with the names parts them and gives them all.
  let pieces = pieceLines(doc, span, startsPlanPiece([]));
  for (let reading = 0; reading < 2; reading++) {
    const headings = overviewNames(doc, pieces).map((name) => nameKey(name));
    if (headings.length > 0) pieces = pieceLines(doc, span, startsPlanPiece(headings));
  }
  const text = (lines: readonly number[]): string => pieceText(doc, lines);
  const groups = pieces.flatMap((lines, i) => {
    const above = pieces[i - 1];
    return above && isFieldHeading(text(above)) ? partSloganPiece(doc, lines, text) : [lines];
  });
  return doc.withFileLines(
    groups.map((lines) => pieceText(doc, lines)),
    groups.map((lines) => doc.fileLine(lines[0] ?? 1)),
    groups.map((lines) => (lines.length === 1 ? doc.printedLine(lines[0] ?? 1) : undefined)),
  );
}

/** A one-line piece as the line reads (a table row keeps its tabs); a paragraph its lines joined. */
function pieceText(doc: SourceDocument, lines: readonly number[]): string {
  return lines.length === 1 ? doc.line(lines[0] ?? 1) : paragraphText(doc, lines);
}

/** The names of every overview's numbered entries (`1. 市民との協働による まちづくりの推進`). */
function overviewNames(doc: SourceDocument, groups: readonly (readonly number[])[]): string[] {
  const names: string[] = [];
  let inOverview = false;
  for (const lines of groups) {
    const text = pieceText(doc, lines);
    if (isOverviewLabel(text)) {
      inOverview = true;
      continue;
    }
    const entry = inOverview ? numberedEntry(text) : null;
    if (entry) names.push(entry.text);
    else inOverview = false;
  }
  return names;
}

/**
 * A bullet (`- `), a photo caption (`▲`), a numbered entry (`1. `, not a number such as `82.31`), a chapter
 * heading (`第5章`).
 */
const ENTRY = /^(?:-(?:\s|$)|▲|\d+\.(?!\d)|第\s*\d+\s*章)/;

/**
 * What starts a piece of the plan, judged on a line and the rest of its paragraph (so a label or heading
 * broken over lines is still seen): an entry (`ENTRY`), a section label, or an item heading (`headings`:
 * the name keys of overview names, alone or followed by `めざす姿`). A label that stands alone starts a piece only
 * where it is followed by nothing or by what starts a piece, as every label of the plan is; the two that
 * lead a line (`成果指標`, `施策に係る市民満足度`) start one wherever they open it.
 */
export function startsPlanPiece(headings: readonly string[]): StartsPiece {
  const starts = (text: string): boolean => {
    const folded = tidy(foldWidth(text));
    if (ENTRY.test(folded) || labelStarts(folded, starts)) return true;
    const key = nameKey(text);
    return headings.some((heading) => key === heading || key.startsWith(heading + VISION_KEY));
  };
  return (text, above) => !AWAITS_TEXT.test(above) && (starts(text) || endsAPiece(above));
}

/** An entry's mark or number whose text a break put on the next line (`2.` then `人権を尊重する 社会の実現`). */
const AWAITS_TEXT = /^(?:-|▲|\d+\.)$/;

/**
 * A piece that is complete whatever follows: a field chapter's heading (its title ends in `分野`) and an
 * indicator row whose target follows the arrows (`… 43 団体 ▶▶ 50 団体`), should a blank line or a tab be lost.
 */
function endsAPiece(above: string): boolean {
  return isFieldHeading(above) || /▶\s*\S/.test(above);
}

/** A field chapter's heading (`第5章 市民生活分野`): its slogan follows it. */
function isFieldHeading(text: string): boolean {
  return /分野$/.test(chapterHeading(text)?.title ?? '');
}

const VISION_KEY = nameKey(SECTION_LABEL.vision);

const LABELS: readonly { readonly label: string; readonly leads: boolean }[] = [
  ...(Object.entries(SECTION_LABEL) as [SectionKind, string][]).map(([kind, label]) => ({
    label: foldWidth(label),
    leads: leadsALine(kind),
  })),
  { label: OVERVIEW_LABEL, leads: false },
];

function labelStarts(folded: string, starts: (text: string) => boolean): boolean {
  return LABELS.some(({ label, leads }) => {
    if (!folded.startsWith(label)) return false;
    const rest = folded.slice(label.length).trim();
    return leads || rest === '' || starts(rest);
  });
}
