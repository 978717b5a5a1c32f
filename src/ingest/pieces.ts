import { joinWrapped } from './join-wrapped';
import type { LineSpan } from './line-span';
import type { SourceDocument } from './source-document';
import { cellText, isLayoutRow, readTabRow, readWrappedTabRow, type TabRow } from './tab-row';

/**
 * Whether a paragraph line visibly starts a piece of its own (an entry mark, a code, a label of the
 * document's closed set), given `text`, its text and the rest of its paragraph (a label may be broken over
 * lines, `施策大項` `目 1.`), and `above`, the text of the piece above so far (a label standing alone still
 * waits for its value). Both are cleaned as a cell is. Each reader passes the rule its document prints;
 * nothing here knows a width.
 */
export type StartsPiece = (text: string, above: string) => boolean;

/** How much of the lines ahead `StartsPiece` sees: more than the longest label a document prints. */
const LOOKAHEAD = 64;

/**
 * The lines of `span` read as pieces in reading order (src/ingest/README.md): a table row (a line holding a
 * tab) is a piece of its own; a paragraph (lines with no tab) runs until a line that starts a piece
 * (`startsPiece`), a table row, a blank line or a rule (`----`), its lines joined as a line break joins them
 * (`readWrappedTabRow`, one column); a line that holds only markup (`**`) goes on with it. Where a line breaks, how wide the lines are and how far a piece was
 * indented carry no meaning. Each piece keeps the line its text starts on.
 */
export function readPieces(doc: SourceDocument, span: LineSpan, startsPiece: StartsPiece): TabRow[] {
  return pieceLines(doc, span, startsPiece).map((lines) =>
    lines.length === 1 ? readTabRow(doc, lines[0] ?? 0) : readWrappedTabRow(doc, lines),
  );
}

/** The lines of each piece `readPieces` reads, in reading order; blank lines and rules belong to none. */
export function pieceLines(doc: SourceDocument, span: LineSpan, startsPiece: StartsPiece): number[][] {
  const groups: number[][] = [];
  let paragraph: string | null = null;
  for (let n = span.first; n <= span.last; n++) {
    const raw = doc.line(n);
    if (endsParagraph(doc, n)) {
      paragraph = null;
      continue;
    }
    const text = cellText(raw);
    const last = groups.at(-1);
    if (raw.includes('\t')) {
      groups.push([n]);
      paragraph = null;
    } else if (paragraph !== null && last && (text === '' || !startsPiece(textAhead(doc, n, span.last), paragraph))) {
      last.push(n);
      paragraph += text;
    } else {
      groups.push([n]);
      paragraph = text;
    }
  }
  return groups;
}

/** A blank line, or a rule the extraction drew (`----`, a row of them); a lone `-` is a bullet. */
function endsParagraph(doc: SourceDocument, n: number): boolean {
  const raw = doc.line(n);
  return raw.trim() === '' || (isLayoutRow(readTabRow(doc, n)) && raw.includes('--'));
}

/** Line `n`'s text and the paragraph lines after it, joined, up to `LOOKAHEAD` characters. */
function textAhead(doc: SourceDocument, n: number, last: number): string {
  let text = doc.line(n);
  for (let k = n + 1; k <= last && text.length < LOOKAHEAD; k++) {
    const next = doc.line(k);
    if (next.includes('\t') || endsParagraph(doc, k)) break;
    text = joinWrapped(text, next.trimStart());
  }
  return cellText(text);
}
